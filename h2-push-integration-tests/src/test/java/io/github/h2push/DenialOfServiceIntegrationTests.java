package io.github.h2push;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.h2push.RawHttp2Client.Setting;
import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.undertow.UndertowWebServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients that try to take the server down with pushed responses that cannot progress
 * or with rapidly reset requests (raw HTTP/2 frames, loopback, bounded in count and
 * time): a normal client is still served, what the attackers hold stays within the
 * limits, and the figures are printed.
 * <p>
 * The server has Undertow's default worker threads (8 per core); per-connection
 * de-duplication is off so every page load pushes again; a connection may have 10
 * pushed responses in flight, run 8 requests at once, and its client may reset 200
 * requests; pushed responses and writes waiting for window time out after 3 s.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// streams reset by the rapid-reset attacker never complete in Undertow, so a graceful
		// shutdown would wait its whole timeout for them
		properties = { "h2-push.dedup.per-connection=0",
				"h2-push.connection.max-pushed-responses-in-flight="
						+ DenialOfServiceIntegrationTests.MAX_PUSHED_IN_FLIGHT,
				"h2-push.connection.max-client-resets=" + DenialOfServiceIntegrationTests.MAX_CLIENT_RESETS,
				"h2-push.connection.pushed-response-timeout=3s", "h2-push.connection.write-timeout=3s",
				"server.shutdown=immediate" })
class DenialOfServiceIntegrationTests extends RunningServerTests {

	static final int MAX_PUSHED_IN_FLIGHT = 10;

	static final int MAX_CLIENT_RESETS = 200;

	// h2-push's default
	private static final int MAX_RUNNING_REQUESTS = 8;

	private static final Duration SERVED_WITHIN = Duration.ofSeconds(5);

	// a few timeouts of 3 s, and room for a loaded machine
	private static final Duration RELEASED_WITHIN = Duration.ofSeconds(10);

	// what an attack waits for takes moments on an idle machine, seconds on a loaded one
	private static final Duration SETTLED_WITHIN = Duration.ofSeconds(10);

	private static final int RESET_PAIRS = 40_000;

	private final List<RawHttp2Client> attackers = new ArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	@Autowired
	private WebServerApplicationContext context;

	@BeforeEach
	void awaitQuietServer() {
		// earlier tests' connections may still be closing
		await().atMost(RELEASED_WITHIN).until(() -> blockedWriters() == 0);
	}

	@AfterEach
	void closeAttackers() {
		this.attackers.forEach(RawHttp2Client::close);
		this.scheduler.shutdownNow();
		// the server releases what the attackers held when their connections close
		await().atMost(RELEASED_WITHIN).until(() -> blockedWriters() == 0);
	}

	@ParameterizedTest(name = "initial window {0}")
	@ValueSource(ints = { 0, 1 })
	void clientGivingStreamsLittleWindowCannotHoldEveryWorkerWithPushedResponses(int window) throws Exception {
		int pages = 4 * 2;
		for (int i = 0; i < 4; i++) {
			RawHttp2Client attacker = attack(Setting.initialWindowSize(window));
			for (int page = 0; page < 2; page++) {
				attacker.get("/faulty");
			}
		}
		// the attack has taken hold: as many writers wait for window as pages were asked for
		await().atMost(SETTLED_WITHIN).until(() -> blockedWriters() >= pages);
		int blocked = blockedWriters();
		long served = millisToServeNormalClient();
		int promised = this.attackers.stream().mapToInt(RawHttp2Client::pushPromises).sum();
		System.out.printf("window-%d attack (4 connections x 2 pages): %d push promises, %d writers blocked, "
				+ "normal client served in %s%n", window, promised, blocked, millis(served));
		assertThat(promised).as("push promises to clients giving new streams less than the default window").isZero();
		assertThat(blocked).as("writers blocked: the pages' own, of %d workers", workerThreads())
			.isLessThanOrEqualTo(pages);
		assertThat(served).isLessThan(SERVED_WITHIN.toMillis());
	}

	@Test
	void pushedStreamsResetWhileWaitingForWindowAreAbandoned() throws Exception {
		// as little stream window as a client that takes pushes gives: less than the pushed
		// file, so its data waits for window; the pages' own responses are not held up
		RawHttp2Client attacker = attack(Setting.initialWindowSize(65_535));
		attacker.windowUpdate(0, Integer.MAX_VALUE - 65_535);
		AtomicInteger resetsSent = new AtomicInteger();
		// the attack, timed on purpose: reset each pushed stream half a second after its
		// promise, when its data waits for window
		attacker.onPushPromise((pushedStreamId) -> this.scheduler.schedule(() -> {
			attacker.reset(pushedStreamId, RawHttp2Client.CANCEL);
			resetsSent.incrementAndGet();
			return null;
		}, 500, TimeUnit.MILLISECONDS));
		int pages = 20;
		for (int page = 0; page < pages; page++) {
			attacker.get("/big-page");
		}
		// every page answered (PUSH_PROMISE frames come first), and every pushed stream reset
		await().atMost(SETTLED_WITHIN)
			.until(() -> attacker.answeredRequests() == pages && resetsSent.get() == attacker.pushPromises());
		int blocked = blockedWriters();
		long served = millisToServeNormalClient();
		long released = millisUntilNoBlockedWriters(RELEASED_WITHIN);
		System.out.printf("reset-while-waiting attack (1 connection x %d pages): %d push promises, %d writers "
				+ "blocked, normal client served in %s, no writer blocked %s later%n", pages,
				attacker.pushPromises(), blocked, millis(served), millis(released));
		// pages run a few at a time (the per-connection limit of running requests), so a later page may push
		// once earlier pushed streams were reset: the bound is on those in flight, the writers blocked below
		assertThat(attacker.pushPromises()).as("push promises, one per page at most").isBetween(1, pages);
		assertThat(blocked).as("writers blocked: pushed responses in flight, of %d workers", workerThreads())
			.isLessThanOrEqualTo(MAX_PUSHED_IN_FLIGHT);
		assertThat(served).isLessThan(SERVED_WITHIN.toMillis());
		assertThat(released).isLessThan(RELEASED_WITHIN.toMillis());
		// whether the attacker's connection survives is not asserted: its page responses can wait for the
		// connection's window too, and the write timeout may then close it
	}

	@Test
	void clientGivingStreamsNoWindowWithoutPushHoldsItsRunningRequestsUntilTheWriteTimeout() throws Exception {
		RawHttp2Client attacker = attack(Setting.initialWindowSize(0), Setting.enablePush(false));
		int workers = workerThreads();
		// more than the workers can take at once
		int requests = workers + 8;
		for (int request = 0; request < requests; request++) {
			attacker.get("/plain");
		}
		// one connection runs as many requests at once as h2-push.connection.max-running-requests lets it
		await().atMost(SETTLED_WITHIN).until(() -> blockedWriters() >= MAX_RUNNING_REQUESTS);
		int blocked = blockedWriters();
		long served = millisToServeNormalClient();
		long released = millisUntilNoBlockedWriters(RELEASED_WITHIN.multipliedBy(2));
		System.out.printf("window-0 attack without push (1 connection x %d requests): %d writers blocked of %d, "
				+ "normal client served in %s, no writer blocked %s later%n", requests, blocked, workers,
				millis(served), millis(released));
		assertThat(blocked).isLessThanOrEqualTo(MAX_RUNNING_REQUESTS);
		assertThat(served).isLessThan(SERVED_WITHIN.toMillis());
		// the requests waiting for a place run, and wait for window, in turn
		assertThat(released).isLessThan(RELEASED_WITHIN.multipliedBy(2).toMillis());
	}

	@Test
	void clientResettingEveryRequestAtOnceIsSentGoAway() throws Exception {
		List<Thread> threads = new ArrayList<>();
		List<AtomicInteger> sent = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			RawHttp2Client attacker = attack();
			AtomicInteger pairs = new AtomicInteger();
			Thread thread = new Thread(() -> rapidReset(attacker, pairs, Duration.ofSeconds(20)));
			thread.start();
			threads.add(thread);
			sent.add(pairs);
		}
		// under way: each attacker has sent half the resets its connection may make
		await().atMost(SETTLED_WITHIN)
			.until(() -> sent.stream().allMatch((pairs) -> pairs.get() >= MAX_CLIENT_RESETS / 2));
		long served = millisToServeNormalClient();
		for (Thread thread : threads) {
			thread.join(Duration.ofSeconds(30).toMillis());
		}
		awaitAttackersClosed(RELEASED_WITHIN);
		List<Integer> read = this.attackers.stream().map(DenialOfServiceIntegrationTests::requestsRead).toList();
		System.out.printf("rapid reset (2 connections x up to %d HEADERS+RST_STREAM): pairs sent %s, requests "
				+ "the server read before its GOAWAY %s, GOAWAY error codes %s, closed %s, normal client served "
				+ "in %s%n", RESET_PAIRS, sent, read,
				this.attackers.stream().map(RawHttp2Client::goAwayError).toList(),
				this.attackers.stream().map(RawHttp2Client::isClosed).toList(), millis(served));
		assertThat(this.attackers).allSatisfy((attacker) -> {
			assertThat(attacker.goAwayError()).as("GOAWAY ENHANCE_YOUR_CALM")
				.isEqualTo(RawHttp2Client.ENHANCE_YOUR_CALM);
			assertThat(attacker.isClosed()).isTrue();
		});
		// the server counts a reset when the connection's next request arrives, or when the request completes
		assertThat(read).as("requests the server read before its GOAWAY")
			.allSatisfy((requests) -> assertThat(requests).isBetween(MAX_CLIENT_RESETS, 5 * MAX_CLIENT_RESETS));
		// how many more pairs the attacker gets in once the server stops reading depends on
		// the socket buffers: only the end of the attack bounds them
		assertThat(sent).as("pairs sent before the server closed the connection")
			.allSatisfy((pairs) -> assertThat(pairs).hasValueLessThan(RESET_PAIRS));
		assertThat(served).isLessThan(SERVED_WITHIN.toMillis());
	}

	@Test
	void clientCancellingEveryPushIsNotSentGoAway() throws Exception {
		RawHttp2Client browser = attack(Setting.initialWindowSize(1 << 24));
		// all the connection's window this test needs
		browser.windowUpdate(0, Integer.MAX_VALUE - 65_535);
		AtomicInteger cancels = new AtomicInteger();
		// as browsers do with pushes they have in their cache
		browser.onPushPromise((pushedStreamId) -> {
			try {
				browser.reset(pushedStreamId, RawHttp2Client.CANCEL);
				cancels.incrementAndGet();
			}
			catch (IOException ex) {
				// the connection closed: asserted below
			}
		});
		int pages = 3 * MAX_CLIENT_RESETS;
		// a few at once, as a browser loads pages in tabs and frames
		for (int page = 0; page < pages && !browser.isClosed(); page += 6) {
			List<Integer> streamIds = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				streamIds.add(browser.get("/page"));
			}
			await().atMost(SERVED_WITHIN)
				.until(() -> browser.isClosed()
						|| streamIds.stream().allMatch((streamId) -> browser.response(streamId).ending() != null));
		}
		System.out.printf("push cancels (1 connection x %d pages): %d pushes cancelled, GOAWAY error code %d%n", pages,
				cancels.get(), browser.goAwayError());
		assertThat(browser.goAwayError()).as("GOAWAY error code after %d cancelled pushes", cancels.get())
			.isEqualTo(-1);
		assertThat(browser.isClosed()).isFalse();
		assertThat(cancels.get()).isGreaterThan(MAX_CLIENT_RESETS);
	}

	private RawHttp2Client attack(Setting... settings) throws Exception {
		RawHttp2Client attacker = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port,
				settings);
		this.attackers.add(attacker);
		attacker.startReading();
		return attacker;
	}

	// the client's streams are 1, 3, 5...
	private static int requestsRead(RawHttp2Client attacker) {
		return (attacker.goAwayLastStreamId() + 1) / 2;
	}

	private void rapidReset(RawHttp2Client attacker, AtomicInteger sent, Duration atMost) {
		long deadline = System.nanoTime() + atMost.toNanos();
		try {
			while (sent.get() < RESET_PAIRS && System.nanoTime() < deadline && !attacker.isClosed()) {
				int streamId = attacker.get("/plain");
				attacker.reset(streamId, RawHttp2Client.CANCEL);
				sent.incrementAndGet();
			}
		}
		catch (Exception ex) {
			// the server closed the connection
		}
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

	// the server closes each connection a moment after its GOAWAY; asserted after the
	// figures are printed
	private void awaitAttackersClosed(Duration atMost) {
		try {
			await().atMost(atMost).until(() -> this.attackers.stream().allMatch(RawHttp2Client::isClosed));
		}
		catch (ConditionTimeoutException ex) {
			// some are not
		}
	}

	// Long.MAX_VALUE when writers are still blocked at the end
	private static long millisUntilNoBlockedWriters(Duration atMost) {
		long start = System.nanoTime();
		try {
			await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> blockedWriters() == 0);
		}
		catch (ConditionTimeoutException ex) {
			return Long.MAX_VALUE;
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static String millis(long millis) {
		return (millis != Long.MAX_VALUE) ? millis + " ms" : "never (timed out)";
	}

	private int workerThreads() {
		UndertowWebServer server = (UndertowWebServer) this.context.getWebServer();
		return server.getUndertow().getWorker().getMXBean().getMaxWorkerPoolSize();
	}

}
