package io.github.h2push.boot4;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.engine.ResponseTimes;
import io.github.h2push.test.PushClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code 103 Early Hints} only where it can help, on Tomcat 11: a route that answers
 * at once stops getting one once measured, and keeps its {@code Link} headers; a route
 * that thinks keeps its {@code 103}.
 */
@SpringBootTest(classes = { Boot4TestApplication.class, TomcatEarlyHintsTests.TomcatServer.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "h2-push.early-hints.min-response-time=10ms")
class TomcatResponseTimesTests {

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentCertificate certificate;

	@Test
	void sendsA103ToARouteThatAnswersAtOnceOnlyUntilItIsMeasured() {
		PushClient client = PushClient.trusting(this.certificate);
		// the first responses of a cold server are slow; a busy machine may slow a few more
		PushClient.PageLoad page = client.navigate(url("/page"));
		assertThat(page.earlyHints()).as("the first navigation").hasSize(1);
		for (int i = 0; i < 300 && !page.earlyHints().isEmpty(); i++) {
			page = client.navigate(url("/page"));
		}
		assertThat(page.earlyHints()).isEmpty();
		assertThat(page.headers().get("link")).contains("</css/site.css>; rel=preload; as=style",
				"</js/app.js>; rel=preload; as=script");
	}

	@Test
	void keepsSendingA103ToARouteThatThinks() {
		PushClient client = PushClient.trusting(this.certificate);
		for (int i = 0; i < ResponseTimes.SAMPLES_BEFORE_DECIDING + 4; i++) {
			PushClient.PageLoad page = client.navigate(url("/thinking-page"));
			assertThat(page.earlyHintedPaths()).as("navigation %d", i).containsExactly("/css/site.css", "/js/app.js");
		}
	}

	private String url(String path) {
		return "https://localhost:" + this.port + path;
	}

}
