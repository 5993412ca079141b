package io.github.h2push.boot4;

import io.github.h2push.PushResources;
import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.test.PushClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On Spring Boot 4 with Spring Security 7 and Tomcat 11, h2-push asks the application's
 * rules about each resource a page offers, and those questions do not count as the
 * application's authorizations: {@code spring.security.authorizations} counts the page
 * alone, with no denial for the resource its visitor may not fetch.
 */
@SpringBootTest(
		classes = { Boot4TestApplication.class, TomcatEarlyHintsTests.TomcatServer.class,
				AccessCheckObservationTests.SecuredSite.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessCheckObservationTests {

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentCertificate certificate;

	@Autowired
	MeterRegistry meters;

	@Test
	void accessChecksAreNotCountedAsTheApplicationsAuthorizations() {
		double denials = authorizations(Tags.of("error", "AccessDeniedException"));
		double authorizations = authorizations(Tags.empty());
		PushClient.PageLoad page = PushClient.trusting(this.certificate)
			.navigate("https://localhost:" + this.port + "/secured-page");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.headers().get("link")).as("the account's avatar is not offered to an anonymous visitor")
			.containsExactly("</css/site.css>; rel=preload; as=style");
		assertThat(authorizations(Tags.empty()) - authorizations).as("the page's own authorization").isEqualTo(1);
		assertThat(authorizations(Tags.of("error", "AccessDeniedException"))).isEqualTo(denials);
	}

	private double authorizations(Tags tags) {
		return this.meters.find("spring.security.authorizations")
			.tags(tags)
			.timers()
			.stream()
			.mapToDouble(Timer::count)
			.sum();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	@Import(SecuredSite.SecuredPageController.class)
	static class SecuredSite {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http
				.authorizeHttpRequests((requests) -> requests.requestMatchers("/account/**")
					.authenticated()
					.anyRequest()
					.permitAll())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

		@RestController
		static class SecuredPageController {

			@GetMapping(path = "/secured-page", produces = MediaType.TEXT_HTML_VALUE)
			@PushResources({ "/css/site.css", "/account/avatar.svg" })
			String page() {
				return "<!doctype html><link rel=stylesheet href=/css/site.css><img src=/account/avatar.svg>";
			}

		}

	}

}
