package io.github.h2push.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link WebServerConflictFailureAnalyzer}.
 */
class WebServerConflictFailureAnalyzerTests {

	private final WebServerConflictFailureAnalyzer analyzer = new WebServerConflictFailureAnalyzer();

	@Test
	void describesEveryTomcatSettingThatWouldBeLost() {
		FailureAnalysis analysis = this.analyzer.analyze(new WebServerConflictException(
				List.of(CompetingWebServer.TOMCAT),
				List.of("bean 'tomcatCustomizer', a WebServerFactoryCustomizer<TomcatServletWebServerFactory>",
						"property 'server.tomcat.threads.max' (class path resource [application.properties] - 1:26)")));
		assertThat(analysis.getDescription()).startsWith(
				"h2-push serves HTTP/2, TLS, server push and 103 Early Hints from embedded Undertow, but this "
						+ "application configures Tomcat:\n\n")
			.contains("\t- bean 'tomcatCustomizer', a WebServerFactoryCustomizer<TomcatServletWebServerFactory>\n")
			.contains("\t- property 'server.tomcat.threads.max' "
					+ "(class path resource [application.properties] - 1:26)\n")
			.endsWith("Serving with Undertow would silently drop that configuration, and serving with Tomcat "
					+ "would leave h2-push inactive.");
	}

	@Test
	void showsTheExactMavenExclusionAndGradleExcludeForTomcat() {
		FailureAnalysis analysis = this.analyzer.analyze(new WebServerConflictException(
				List.of(CompetingWebServer.TOMCAT), List.of("property 'server.tomcat.threads.max'")));
		assertThat(analysis.getAction()).startsWith("Choose one web server.\n\n"
				+ "To keep Tomcat without h2-push, remove the h2-push-spring-boot-starter dependency, or set "
				+ "h2-push.enabled=false.")
			.contains("To use h2-push, move that configuration to Undertow (server.undertow.* properties, ")
			.contains("then remove Tomcat from the class path.")
			.contains("""
					With Maven, exclude Tomcat from spring-boot-starter-web:

						<dependency>
							<groupId>org.springframework.boot</groupId>
							<artifactId>spring-boot-starter-web</artifactId>
							<exclusions>
								<exclusion>
									<groupId>org.springframework.boot</groupId>
									<artifactId>spring-boot-starter-tomcat</artifactId>
								</exclusion>
							</exclusions>
						</dependency>
					""")
			.endsWith("""
					With Gradle, exclude it from every configuration:

						configurations.configureEach {
							exclude group: 'org.springframework.boot', module: 'spring-boot-starter-tomcat'
						}""");
	}

	@Test
	void tellsHowToRemoveJetty() {
		FailureAnalysis analysis = this.analyzer.analyze(new WebServerConflictException(
				List.of(CompetingWebServer.JETTY), List.of("bean 'jettyCustomizer', a JettyServerCustomizer")));
		assertThat(analysis.getDescription()).contains("this application configures Jetty:");
		assertThat(analysis.getAction())
			.contains("With Maven, remove the dependency on org.springframework.boot:spring-boot-starter-jetty.")
			.contains("exclude group: 'org.springframework.boot', module: 'spring-boot-starter-jetty'");
	}

	@Test
	void asksForUndertowsFactoryInsteadOfAnUnknownOne() {
		FailureAnalysis analysis = this.analyzer.analyze(new WebServerConflictException(List.of(),
				List.of("bean 'server', the application's own CustomServletWebServerFactory")));
		assertThat(analysis.getDescription()).contains("this application configures another web server:");
		assertThat(analysis.getAction())
			.contains("define no web server factory of your own other than an UndertowServletWebServerFactory")
			.doesNotContain("Maven");
	}

	// through the analyzer registered in META-INF/spring.factories
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void failsStartupOfAnApplicationThatCustomizesTomcat(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(TomcatCustomizingApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0")
			.run());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Description:")
			.contains("- bean 'tomcatCustomizer', a WebServerFactoryCustomizer<TomcatServletWebServerFactory>")
			.contains("Action:")
			.contains("<artifactId>spring-boot-starter-tomcat</artifactId>")
			.doesNotContain("Tomcat initialized");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ H2PushWebServerAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class })
	static class TomcatCustomizingApplication {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatCustomizer() {
			return (factory) -> factory.setProtocol("HTTP/1.1");
		}

	}

}
