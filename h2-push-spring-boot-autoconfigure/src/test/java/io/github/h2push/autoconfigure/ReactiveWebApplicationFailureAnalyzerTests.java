package io.github.h2push.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link ReactiveWebApplicationFailureAnalyzer}.
 */
class ReactiveWebApplicationFailureAnalyzerTests {

	private final ReactiveWebApplicationFailureAnalyzer analyzer = new ReactiveWebApplicationFailureAnalyzer();

	@Test
	void namesSpringMvcAsTheSupportedStackForAReactiveApplication() {
		FailureAnalysis analysis = this.analyzer.analyze(new ReactiveWebApplicationException());
		assertThat(analysis.getDescription()).isEqualTo("This is a reactive web application (Spring WebFlux). "
				+ "h2-push supports Spring MVC (the servlet stack) on embedded Undertow only: on WebFlux it could "
				+ "not push, send 103 Early Hints or preload links.");
		assertThat(analysis.getAction()).startsWith("Spring MVC is the stack h2-push supports.")
			.endsWith("remove the h2-push-spring-boot-starter dependency (or set h2-push.enabled=false).");
	}

	@Test
	void listsTheWebFluxBeansASpringMvcApplicationWouldIgnore() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new ReactiveWebApplicationException(List.of("bean 'routes', a WebFlux RouterFunction")));
		assertThat(analysis.getDescription())
			.startsWith("This application declares Spring WebFlux beans, but runs as a Spring MVC (servlet) "
					+ "application, which ignores them:\n\n\t- bean 'routes', a WebFlux RouterFunction\n")
			.contains("h2-push-spring-boot-starter brings it");
		assertThat(analysis.getAction()).contains("org.springframework.web.servlet.function")
			.endsWith("remove the h2-push-spring-boot-starter dependency, which brings Spring MVC.");
	}

	// through the analyzer registered in META-INF/spring.factories
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void failsStartupOfAReactiveApplication(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(ReactiveApplication.class)
			.web(WebApplicationType.REACTIVE)
			.run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("This is a reactive web application (Spring WebFlux).")
			.contains("Spring MVC is the stack h2-push supports.");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(H2PushWebServerAutoConfiguration.class)
	static class ReactiveApplication {

	}

}
