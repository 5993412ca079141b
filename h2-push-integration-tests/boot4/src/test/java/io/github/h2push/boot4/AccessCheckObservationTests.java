package io.github.h2push.boot4;

import java.util.ArrayList;
import java.util.List;

import io.github.h2push.PushAccessPolicy.Access;
import io.github.h2push.security.SecurityPushAccessPolicy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Spring Boot 4 too, the observation registry Spring Boot configures leaves out what
 * is observed while h2-push asks Spring Security about a resource, as Spring Security's
 * observed authorization managers do, and observes the rest.
 */
class AccessCheckObservationTests {

	@Test
	void observesNothingWhileH2PushAsks() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Boot4TestApplication.class,
				TomcatEarlyHintsTests.TomcatServer.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0")
			.run()) {
			ObservationRegistry registry = context.getBean(ObservationRegistry.class);
			List<Boolean> observed = new ArrayList<>();
			WebInvocationPrivilegeEvaluator evaluator = new WebInvocationPrivilegeEvaluator() {

				@Override
				public boolean isAllowed(String uri, Authentication authentication) {
					return isAllowed(null, uri, "GET", authentication);
				}

				@Override
				public boolean isAllowed(String contextPath, String uri, String method,
						Authentication authentication) {
					observed.add(!Observation.start("spring.security.authorizations", registry).isNoop());
					return !uri.startsWith("/account/");
				}

			};
			SecurityPushAccessPolicy policy = new SecurityPushAccessPolicy(() -> evaluator, false);
			assertThat(policy.check(new MockHttpServletRequest(), "/account/avatar.svg")).isEqualTo(Access.DENY);
			assertThat(observed).containsExactly(false);
			assertThat(Observation.start("spring.security.authorizations", registry).isNoop())
				.as("an authorization outside h2-push's checks")
				.isFalse();
		}
	}

}
