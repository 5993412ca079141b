package io.github.h2push;

import java.time.Duration;
import java.util.List;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many pushes on one connection, with the same resources every time (per-connection
 * de-duplication off), against a client that allows only a few concurrent streams or
 * resets every push.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "h2-push.dedup.per-connection=0")
@ExtendWith(OutputCaptureExtension.class)
class PushSlotsIntegrationTests extends RunningServerTests {

	@Test
	void keepsPushingOnOneConnectionBeyondThePeersStreamLimit() {
		int limit = 3;
		PushClient client = withMaxStreams(limit);
		int loads = 40;
		int pushed = 0;
		for (int i = 0; i < loads; i++) {
			PushClient.Exchange page = client.get(url("/page"));
			assertThat(page.pushedPaths()).as("load %d", i).containsExactly("/css/site.css", "/js/app.js");
			pushed += page.pushes().size();
		}
		assertThat(pushed).isEqualTo(loads * 2).isGreaterThan(3 * limit);
	}

	@Test
	void ignoredPushesDoNotStopLaterPushes() {
		PushClient client = withMaxStreams(3);
		for (int i = 0; i < 10; i++) {
			assertThat(client.ignoringPushes().get(url("/page")).response().statusCode()).isEqualTo(200);
		}
		assertThat(client.get(url("/page")).pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
	}

	@Test
	void servesEveryPageToAClientAllowingOneConcurrentStream(CapturedOutput output) {
		int logged = output.getAll().length();
		PushClient client = withMaxStreams(1);
		int pushed = 0;
		for (int i = 0; i < 20; i++) {
			PushClient.Exchange page = client.get(url("/page"));
			assertThat(page.response().statusCode()).isEqualTo(200);
			List<String> hinted = page.response().headers().allValues("link");
			assertThat(page.pushes().size() + hinted.size()).as("pushed or hinted").isEqualTo(2);
			pushed += page.pushes().size();
		}
		assertThat(pushed).isGreaterThanOrEqualTo(20);
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain(" WARN ");
	}

	@Test
	void countsResetPushesWithoutLoggingAnError(CapturedOutput output) {
		long before = settledResets();
		int logged = output.getAll().length();
		PushClient client = PushClient.trusting(this.certificate).ignoringPushes();
		// the pushed resource answers after 1.5 s, long after the client's reset
		for (int i = 0; i < 3; i++) {
			PushClient.Exchange page = client.get(url("/slow-page"));
			assertThat(page.response().statusCode()).isEqualTo(200);
			assertThat(page.response().body()).isEqualTo("slow page");
		}
		await().untilAsserted(() -> assertThat(this.statistics.resets() - before).isEqualTo(3));
		assertThat(client.get(url("/page")).response().statusCode()).isEqualTo(200);
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain(" WARN ");
	}

	// pushes reset in earlier tests on this shared server may still be being counted:
	// the count has settled when it stays the same from one look to the next
	private long settledResets() {
		long[] last = { -1 };
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
			long current = this.statistics.resets();
			boolean settled = current == last[0];
			last[0] = current;
			return settled;
		});
		return last[0];
	}

	// The JDK client reads its HTTP/2 settings from system properties when it connects
	private PushClient withMaxStreams(int limit) {
		String name = "jdk.httpclient.maxstreams";
		String previous = System.getProperty(name);
		System.setProperty(name, Integer.toString(limit));
		try {
			PushClient client = PushClient.trusting(this.certificate);
			client.get(url("/plain"));
			return client;
		}
		finally {
			if (previous == null) {
				System.clearProperty(name);
			}
			else {
				System.setProperty(name, previous);
			}
		}
	}

}
