package io.github.h2push.boot4;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.security.PrivilegeEvaluatorRequestTransformer;
import io.github.h2push.test.PushClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.PathPatternRequestTransformer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Spring Boot 4 with Spring Security 7, a {@link PrivilegeEvaluatorRequestTransformer}
 * bean of any name replaces the privilege evaluator's default transformer, and h2-push's
 * access checks through it decide as before: the avatar an anonymous visitor may not
 * fetch is not offered.
 */
@SpringBootTest(
		classes = { Boot4TestApplication.class, TomcatEarlyHintsTests.TomcatServer.class,
				AccessCheckObservationTests.SecuredSite.class,
				PrivilegeEvaluatorRequestTransformerBoot4Tests.Transformer.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivilegeEvaluatorRequestTransformerBoot4Tests {

	private static final AtomicInteger transformed = new AtomicInteger();

	private static final AtomicInteger standIns = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentCertificate certificate;

	@Test
	void accessChecksGoThroughTheTransformerAndDecideAsBefore() {
		int before = transformed.get();
		int standInsBefore = standIns.get();
		PushClient.PageLoad page = PushClient.trusting(this.certificate)
			.navigate("https://localhost:" + this.port + "/secured-page");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.headers().get("link")).as("the account's avatar is not offered to an anonymous visitor")
			.containsExactly("</css/site.css>; rel=preload; as=style");
		assertThat(transformed.get() - before).as("questions about the two resources").isEqualTo(2);
		assertThat(standIns.get() - standInsBefore).as("stand-in requests handed on unwrapped").isZero();
	}

	@Configuration(proxyBeanMethods = false)
	static class Transformer {

		@Bean
		PrivilegeEvaluatorRequestTransformer privilegeEvaluatorRequestTransformer() {
			PathPatternRequestTransformer pathPatterns = new PathPatternRequestTransformer();
			return new PrivilegeEvaluatorRequestTransformer((request) -> {
				transformed.incrementAndGet();
				if (request.getClass().getName().startsWith(FilterInvocation.class.getName())) {
					standIns.incrementAndGet();
				}
				return pathPatterns.transform(request);
			});
		}

	}

}
