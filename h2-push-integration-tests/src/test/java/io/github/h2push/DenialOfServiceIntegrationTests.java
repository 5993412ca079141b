package io.github.h2push;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.h2push.RawHttp2Client.Setting;
import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that try to take the server down with pushed responses that cannot progress
 * or with rapidly reset requests (raw HTTP/2 frames, loopback, bounded in count and
 * time): a normal client is still served, and the figures are printed.
 * <p>
 * The server has Undertow's default worker threads (8 per core); per-connection
 * de-duplication is off so every page load pushes again; pushed responses and writes
 * waiting for window time out after 3 s.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// streams reset by the rapid-reset attacker never complete in Undertow, so a graceful
		// shutdown would wait its whole timeout for them
		properties = { "h2-push.dedup.per-connection=0", "h2-push.pushed-response-timeout=3s",
				"h2-push.write-timeout=3s", "server.shutdown=immediate" })
class DenialOfServiceIntegrationTests extends RunningServerTests {

	private static final Duration SERVED_WITHIN = Duration.ofSeconds(5);

	private final List<RawHttp2Client> attackers = new ArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void closeAttackers() {
		this.attackers.forEach(RawHttp2Client::close);
		this.scheduler.shutdownNow();
		// the server releases what the attackers held when their connections close
		await().atMost(Duration.ofSeconds(10)).until(() -> blockedWriters() == 0);
	}

	@Test
	void clientGivingStreamsNoWindowCannotHoldEveryWorkerWithPushedResponses() throws Exception {
		for (int i = 0; i < 4; i++) {
			RawHttp2Client attacker = attack(Setting.initialWindowSize(0));
			for (int page = 0; page < 2; page++) {
				attacker.get("/faulty");
			}
		}
		Thread.sleep(1000);
		int blocked = blockedWriters();
		long served = millisToServeNormalClient();
		int promised = this.attackers.stream().mapToInt(RawHttp2Client::pushPromises).sum();
		System.out.printf("window-0 attack (4 connections x 2 pages): %d push promises, %d writers blocked, "
				+ "normal client served in %s%n", promised, blocked, millis(served));
		assertThat(served).isLessThan(SERVED_WITHIN.toMillis());
	}

	@Test
	void pushedStreamsResetWhileWaitingForWindowAreAbandoned() throws Exception {
		RawHttp2Client attacker = attack(Setting.initialWindowSize(1000));
		attacker.onPushPromise((pushedStreamId) -> this.scheduler.schedule(() -> {
			attacker.reset(pushedStreamId, RawHttp2Client.CANCEL);
			return null;
		}, 500, TimeUnit.MILLISECONDS));
		for (int page = 0; page < 20; page++) {
			attacker.get("/big-page");
		}
		Thread.sleep(1000);
		int blocked = blockedWriters();
		long served = millisToServeNormalClient();
		long released = millisUntilNoBlockedWriters(Duration.ofSeconds(10));
		System.out.printf("reset-while-waiting attack (1 connection x 20 pages): %d push promises, %d writers "
				+ "blocked, normal client served in %s, no writer blocked %s later%n",
				attacker.pushPromises(), blocked, millis(served), millis(released));
		assertThat(served).isLessThan(SERVED_WITHIN.toMillis());
		assertThat(released).isLessThan(Duration.ofSeconds(10).toMillis());
		// whether the attacker's connection survives is not asserted: its page responses can wait for the
		// connection's window too, and the write timeout may then close it
	}

	@Test
	void clientGivingStreamsNoWindowWithoutPushHoldsWorkersOnlyUntilTheWriteTimeout() throws Exception {
		RawHttp2Client attacker = attack(Setting.initialWindowSize(0), Setting.enablePush(false));
		for (int request = 0; request < 24; request++) {
			attacker.get("/plain");
		}
		Thread.sleep(1000);
		int blocked = blockedWriters();
		long served = millisToServeNormalClient();
		long released = millisUntilNoBlockedWriters(Duration.ofSeconds(10));
		System.out.printf("window-0 attack without push (1 connection x 24 requests): %d writers blocked, normal "
				+ "client served in %s, no writer blocked %s later%n", blocked, millis(served),
				millis(released));
		assertThat(served).isLessThan(SERVED_WITHIN.toMillis());
	}

	@Test
	void clientResettingEveryRequestAtOnceIsSentGoAway() throws Exception {
		List<Thread> threads = new ArrayList<>();
		int[] sent = new int[2];
		for (int i = 0; i < 2; i++) {
			RawHttp2Client attacker = attack();
			int index = i;
			Thread thread = new Thread(() -> sent[index] = rapidReset(attacker, 40_000, Duration.ofSeconds(20)));
			thread.start();
			threads.add(thread);
		}
		Thread.sleep(500);
		long served = millisToServeNormalClient();
		for (Thread thread : threads) {
			thread.join(Duration.ofSeconds(30).toMillis());
		}
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.attackers.stream().allMatch(RawHttp2Client::isClosed));
		System.out.printf("rapid reset (2 connections x up to 40000 HEADERS+RST_STREAM): pairs sent %s, GOAWAY "
				+ "error codes %s, closed %s, normal client served in %s%n", Arrays.toString(sent),
				this.attackers.stream().map(RawHttp2Client::goAwayError).toList(),
				this.attackers.stream().map(RawHttp2Client::isClosed).toList(), millis(served));
		assertThat(this.attackers).allSatisfy((attacker) -> {
			assertThat(attacker.goAwayError()).as("GOAWAY ENHANCE_YOUR_CALM")
				.isEqualTo(RawHttp2Client.ENHANCE_YOUR_CALM);
			assertThat(attacker.isClosed()).isTrue();
		});
		assertThat(served).isLessThan(SERVED_WITHIN.toMillis());
	}

	private RawHttp2Client attack(Setting... settings) throws Exception {
		RawHttp2Client attacker = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port,
				settings);
		this.attackers.add(attacker);
		attacker.startReading();
		return attacker;
	}

	private int rapidReset(RawHttp2Client attacker, int pairs, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		int sent = 0;
		try {
			while (sent < pairs && System.nanoTime() < deadline && !attacker.isClosed()) {
				int streamId = attacker.get("/plain");
				attacker.reset(streamId, RawHttp2Client.CANCEL);
				sent++;
			}
		}
		catch (Exception ex) {
			// the server closed the connection
		}
		return sent;
	}

	private long millisToServeNormalClient() throws Exception {
		PushClient client = PushClient.trusting(this.certificate).ignoringPushes();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/plain")))
			.timeout(SERVED_WITHIN.plusSeconds(5))
			.build();
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = client.getHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.body()).isEqualTo("plain");
		}
		catch (java.net.http.HttpTimeoutException ex) {
			return Long.MAX_VALUE;
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static long millisUntilNoBlockedWriters(Duration atMost) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + atMost.toNanos();
		while (blockedWriters() > 0) {
			if (System.nanoTime() > deadline) {
				return Long.MAX_VALUE;
			}
			Thread.sleep(50);
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static String millis(long millis) {
		return (millis != Long.MAX_VALUE) ? millis + " ms" : "never (timed out)";
	}

}
