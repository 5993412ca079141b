package io.github.h2push;

import java.net.JarURLConnection;
import java.net.URL;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The starter's jar holds dependencies only, and says so as Spring Boot's own starters
 * do, so that Spring Boot's Maven and Gradle plugins leave it out of an executable jar.
 * Checked on the packaged jar, which the build puts on this module's class path.
 */
class StarterJarTests {

	@Test
	void isMarkedAsAStarter() throws Exception {
		URL pom = getClass().getClassLoader()
			.getResource("META-INF/maven/io.github.h2push/h2-push-spring-boot-starter/pom.properties");
		assumeThat(pom).as("the starter as a packaged jar (a build that ran its package phase)").isNotNull();
		Manifest manifest = ((JarURLConnection) pom.openConnection()).getManifest();
		assertThat(manifest.getMainAttributes().getValue("Spring-Boot-Jar-Type")).isEqualTo("dependencies-starter");
	}

}
