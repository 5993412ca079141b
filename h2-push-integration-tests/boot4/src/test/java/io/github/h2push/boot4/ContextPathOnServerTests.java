package io.github.h2push.boot4;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.test.PushClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 4 application served under {@code server.servlet.context-path}: the
 * declared resources are hinted at their URLs under it, in the {@code 103} and in the
 * final response, on Tomcat and on Jetty.
 */
class ContextPathOnServerTests {

	@Nested
	@SpringBootTest(classes = Boot4TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "server.servlet.context-path=/app")
	class OnTomcat extends UnderTheContextPath {

	}

	@Nested
	@SpringBootTest(classes = { Boot4TestApplication.class, JettyEarlyHintsTests.JettyServer.class },
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.servlet.context-path=/app")
	class OnJetty extends UnderTheContextPath {

	}

	abstract static class UnderTheContextPath {

		@LocalServerPort
		int port;

		@Autowired
		DevelopmentCertificate certificate;

		@Test
		void hintsTheDeclaredResourcesUnderTheContextPath() {
			PushClient.PageLoad page = PushClient.trusting(this.certificate)
				.navigate("https://localhost:" + this.port + "/app/page");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.earlyHintedPaths()).containsExactlyInAnyOrder("/app/css/site.css", "/app/js/app.js");
			assertThat(page.headers().get("link")).contains("</app/css/site.css>; rel=preload; as=style",
					"</app/js/app.js>; rel=preload; as=script");
		}

	}

}
