package io.github.h2push;

import io.github.h2push.engine.ResponseTimes;
import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code 103 Early Hints} only where it can help, on Undertow: a route that answers at
 * once stops getting one once measured, and keeps its {@code Link} headers; a route that
 * thinks keeps its {@code 103}. Browsers are played by {@link PushClient#navigate}.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "h2-push.early-hints.min-response-time=10ms")
class ResponseTimesIntegrationTests extends RunningServerTests {

	@Autowired
	ResponseTimes responseTimes;

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
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.headers().get("link")).contains("</css/site.css>; rel=preload; as=style",
				"</js/app.js>; rel=preload; as=script");
		assertThat(this.responseTimes.describe().values()).anySatisfy(
				(route) -> assertThat(route).containsEntry("earlyHints", false));
	}

	@Test
	void keepsSendingA103ToARouteThatThinks() {
		PushClient client = PushClient.trusting(this.certificate);
		for (int i = 0; i < ResponseTimes.SAMPLES_BEFORE_DECIDING + 4; i++) {
			PushClient.PageLoad page = client.navigate(url("/thinking-page"));
			assertThat(page.earlyHintedPaths()).as("navigation %d", i).containsExactly("/css/site.css", "/js/app.js");
			assertThat(page.body()).isEqualTo("thinking page");
		}
	}

}
