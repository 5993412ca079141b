package io.github.h2push;

import java.time.Duration;
import java.util.List;

import io.github.h2push.RawHttp2Client.Setting;
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
 * Faults around pushes, with real clients and a raw HTTP/2 client that goes away in the
 * middle of a push: the page is always served, a client's choice is never logged as an
 * error, and the next connection pushes normally.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PushFaultsIntegrationTests extends RunningServerTests {

	@Test
	void pushedResourcesThatFailOrAreSlowDoNotHarmThePage(CapturedOutput output) {
		int logged = output.getAll().length();
		PushClient.Exchange page = PushClient.trusting(this.certificate).get(url("/faulty"));
		assertThat(page.response().statusCode()).isEqualTo(200);
		assertThat(page.response().body()).isEqualTo("faulty");
		assertThat(page.pushes()).extracting(PushClient.PushedResponse::path, PushClient.PushedResponse::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("/missing.css", 404),
					org.assertj.core.groups.Tuple.tuple("/failing.css", 500),
					org.assertj.core.groups.Tuple.tuple("/slow.css", 200),
					org.assertj.core.groups.Tuple.tuple("/css/site.css", 200));
		assertNextConnectionPushes();
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain(" WARN ");
	}

	@Test
	void clientDisconnectingInTheMiddleOfPushes(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		long resets = this.statistics.resets();
		for (int i = 0; i < 3; i++) {
			long pushed = this.statistics.count(PushOutcome.PUSHED);
			// HTTP/2's default stream window, the least h2-push pushes to, and no WINDOW_UPDATE:
			// the 256 KB push stalls until the client goes away
			try (RawHttp2Client client = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port,
					Setting.initialWindowSize(65_535))) {
				client.startReading();
				client.get("/big-page");
				// in the middle of the push: promised, and its writer waiting for the window
				await().atMost(Duration.ofSeconds(10))
					.until(() -> this.statistics.count(PushOutcome.PUSHED) > pushed && blockedWriters() > 0);
				assertThat(client.isClosed()).as("closed before the client went away").isFalse();
			}
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.statistics.resets() - resets).isGreaterThanOrEqualTo(3));
		assertNextConnectionPushes();
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain(" WARN ");
	}

	@Test
	void clientResettingEveryPush(CapturedOutput output) {
		int logged = output.getAll().length();
		PushClient client = PushClient.trusting(this.certificate).ignoringPushes();
		for (String path : List.of("/page", "/big-page", "/faulty")) {
			assertThat(client.get(url(path)).response().statusCode()).isEqualTo(200);
		}
		assertNextConnectionPushes();
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain(" WARN ");
	}

	@Test
	void clientRefusingPush(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		String frames = Nghttp.run("-nv", "--no-push", url("/page"), url("/faulty"), url("/big-page"));
		assertThat(frames).doesNotContain("PUSH_PROMISE");
		assertThat(frames.split(":status: 200", -1)).as("three pages served").hasSize(4);
		assertNextConnectionPushes();
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain(" WARN ");
	}

	private void assertNextConnectionPushes() {
		PushClient.Exchange next = PushClient.trusting(this.certificate).get(url("/page"));
		assertThat(next.response().statusCode()).isEqualTo(200);
		assertThat(next.pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
	}

}
