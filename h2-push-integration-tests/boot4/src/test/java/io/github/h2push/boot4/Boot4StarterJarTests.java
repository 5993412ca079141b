package io.github.h2push.boot4;

import java.net.JarURLConnection;
import java.net.URL;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The Spring Boot 4 starter's jar is marked as a starter too (see the Spring Boot 3.5
 * line's {@code StarterJarTests}), so Spring Boot's plugins leave it out of applications.
 */
class Boot4StarterJarTests {

	@Test
	void isMarkedAsAStarter() throws Exception {
		URL pom = Boot4StarterJarTests.class.getClassLoader()
			.getResource("META-INF/maven/io.github.h2push/h2-push-spring-boot4-starter/pom.properties");
		assumeThat(pom).as("the starter as a packaged jar").isNotNull();
		JarURLConnection jar = (JarURLConnection) pom.openConnection();
		assertThat(jar.getMainAttributes().getValue("Spring-Boot-Jar-Type")).isEqualTo("dependencies-starter");
	}

}
