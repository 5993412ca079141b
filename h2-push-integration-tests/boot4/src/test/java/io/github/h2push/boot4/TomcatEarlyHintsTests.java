package io.github.h2push.boot4;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Boot 4 starter on Tomcat 11, the server start.spring.io's
 * {@code spring-boot-starter-webmvc} brings.
 */
@SpringBootTest(classes = { Boot4TestApplication.class, TomcatEarlyHintsTests.TomcatServer.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TomcatEarlyHintsTests extends EarlyHintsOnServerTests {

	TomcatEarlyHintsTests() {
		super("Tomcat");
	}

	@Configuration(proxyBeanMethods = false)
	static class TomcatServer {

		// Jetty is on this class path too
		@Bean
		TomcatServletWebServerFactory tomcatServletWebServerFactory() {
			return new TomcatServletWebServerFactory();
		}

	}

}
