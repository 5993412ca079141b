package io.github.h2push.boot4;

import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Boot 4 starter on Jetty 12, with {@code h2-push-jetty}.
 */
@SpringBootTest(classes = { Boot4TestApplication.class, JettyEarlyHintsTests.JettyServer.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JettyEarlyHintsTests extends EarlyHintsOnServerTests {

	JettyEarlyHintsTests() {
		super("Jetty");
	}

	@Configuration(proxyBeanMethods = false)
	static class JettyServer {

		// Tomcat is on this class path too
		@Bean
		JettyServletWebServerFactory jettyServletWebServerFactory() {
			return new JettyServletWebServerFactory();
		}

	}

}
