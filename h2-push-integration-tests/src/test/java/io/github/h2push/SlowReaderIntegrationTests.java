package io.github.h2push;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.h2push.RawHttp2Client.Ending;
import io.github.h2push.RawHttp2Client.Response;
import io.github.h2push.RawHttp2Client.Setting;
import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.undertow.UndertowWebServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow readers: a client opens many streams with a 1-byte initial window and lets each
 * response through a byte at a time, often enough that no write waits as long as the
 * write timeout (2 s here), while a normal client loads pages. A connection runs at most
 * 4 requests at once here, and a response whose data waits for window must go out at
 * 1 KB/s or more, measured every second; the figures are printed.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "h2-push.connection.write-timeout=2s",
				"h2-push.connection.max-running-requests=" + SlowReaderIntegrationTests.MAX_RUNNING,
				"h2-push.connection.min-send-rate=1KB", "h2-push.connection.send-rate-interval=1s",
				"server.shutdown=immediate" })
class SlowReaderIntegrationTests extends RunningServerTests {

	static final int MAX_RUNNING = 4;

	static final int STREAMS = 40;

	// well within the write timeout
	static final Duration TRICKLE_EVERY = Duration.ofMillis(500);

	private static final int PAGE_LOADS = 6;

	static final Duration SERVED_WITHIN = Duration.ofSeconds(4);

	// two intervals of the send rate once the response is written, and room for a loaded
	// machine
	private static final Duration RESET_WITHIN = Duration.ofSeconds(10);

	private static final Duration RELEASED_WITHIN = Duration.ofSeconds(20);

	@Autowired
	private WebServerApplicationContext context;

	private final List<RawHttp2Client> clients = new ArrayList<>();

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

	@BeforeEach
	void awaitQuietServer() {
		await().atMost(RELEASED_WITHIN).until(() -> blockedWriters() == 0);
	}

	@AfterEach
	void closeClients() {
		this.scheduler.shutdownNow();
		this.clients.forEach(RawHttp2Client::close);
		await().atMost(RELEASED_WITHIN).until(() -> blockedWriters() == 0);
	}

	@Test
	void oneConnectionTricklingItsWindowCannotStarveOtherClients() throws Exception {
		RawHttp2Client attacker = connect(Setting.initialWindowSize(1), Setting.enablePush(false));
		List<Integer> streams = new ArrayList<>();
		for (int i = 0; i < STREAMS; i++) {
			streams.add(attacker.get("/big.txt"));
		}
		trickle(this.scheduler, attacker, streams);
		AtomicInteger mostBlocked = new AtomicInteger();
		AtomicInteger mostRunning = new AtomicInteger();
		this.scheduler.scheduleWithFixedDelay(() -> {
			mostBlocked.accumulateAndGet(blockedWriters(), Math::max);
			mostRunning.accumulateAndGet(running(attacker, streams), Math::max);
		}, 0, 100, TimeUnit.MILLISECONDS);
		await().atMost(Duration.ofSeconds(10)).until(() -> blockedWriters() > 0);
		Thread.sleep(TRICKLE_EVERY.multipliedBy(4).toMillis());
		List<Long> loads = loadPages(PushClient.trusting(this.certificate), url("/page"));
		long served = loads.stream().filter((millis) -> millis != Long.MAX_VALUE).count();
		System.out.printf("slow reader (1 connection x %d streams, window 1 byte, +1 byte per stream every %d ms): "
				+ "at most %d of its streams receiving and %d writers blocked at once; normal client: %d of %d page "
				+ "loads served, in %s%n", STREAMS, TRICKLE_EVERY.toMillis(), mostRunning.get(), mostBlocked.get(),
				served, PAGE_LOADS, millis(loads));
		assertThat(attacker.serverSetting(RawHttp2Client.SETTINGS_MAX_CONCURRENT_STREAMS))
			.as("advertised SETTINGS_MAX_CONCURRENT_STREAMS")
			.isEqualTo(100);
		assertThat(mostRunning.get()).as("most of the attacker's streams receiving at once").isBetween(1, MAX_RUNNING);
		// a writer woken by a reset may still be counted as its successor starts to wait
		assertThat(mostBlocked.get()).as("most writers blocked at once").isLessThan(workerThreads());
		assertThat(loads).allSatisfy((millis) -> assertThat(millis).isLessThan(SERVED_WITHIN.toMillis()));
	}

	@Test
	void responseTheClientLetsThroughSlowerThanTheMinimumRateIsReset() throws Exception {
		RawHttp2Client attacker = connect(Setting.initialWindowSize(1), Setting.enablePush(false));
		List<Integer> streams = new ArrayList<>();
		for (int i = 0; i < MAX_RUNNING; i++) {
			streams.add(attacker.get("/big.txt"));
		}
		long start = System.nanoTime();
		trickle(this.scheduler, attacker, streams);
		// a connection the server closes leaves the streams it did not reset without an ending
		await().atMost(RESET_WITHIN)
			.until(() -> attacker.isClosed()
					|| streams.stream().allMatch((stream) -> attacker.response(stream).ending() != null));
		assertThat(attacker.isClosed()).as("connection closed while its streams were reset").isFalse();
		long reset = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		// the trickle goes on: only the resets free the writers
		long released = millisUntilNoBlockedWriters();
		List<Response> responses = streams.stream().map(attacker::response).toList();
		System.out.printf("slow reader (1 connection x %d streams, +1 byte per stream every %d ms): every stream "
				+ "reset %d ms after the trickle began (bytes received %s), no writer blocked %s later%n",
				MAX_RUNNING, TRICKLE_EVERY.toMillis(), reset, responses.stream().map(Response::bodyLength).toList(),
				(released != Long.MAX_VALUE) ? released + " ms" : "never");
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.ending()).isEqualTo(Ending.RST_STREAM);
			assertThat(response.resetError()).isEqualTo(RawHttp2Client.CANCEL);
		});
		assertThat(released).isLessThan(RELEASED_WITHIN.toMillis());
		assertThat(attacker.isClosed()).isFalse();
	}

	@Test
	void responseWaitingForASlowReadersSocketIsNotResetForItsRate() throws Exception {
		int window = 1 << 26;
		RawHttp2Client client = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port, 4096,
				Setting.initialWindowSize(window), Setting.enablePush(false));
		this.clients.add(client);
		client.windowUpdate(0, window);
		int stream = client.get("/huge.txt");
		client.readUntil(() -> client.framesReceived() > 2);
		// the socket buffers fill up, and the response's frames wait for the socket for
		// more than two intervals of the send rate, within the write timeout
		Thread.sleep(1500);
		client.readUntilEnded(stream);
		Response response = client.response(stream);
		assertThat(response.ending()).as("ending, reset with %d", response.resetError()).isEqualTo(Ending.END_STREAM);
		assertThat(response.bodyLength()).isEqualTo(PushTestApplication.HUGE_SIZE);
	}

	// streams that have received data and not ended: those whose requests run
	static int running(RawHttp2Client attacker, List<Integer> streams) {
		return (int) streams.stream().map(attacker::response).filter((response) -> response.bodyLength() > 0
				&& response.ending() == null).count();
	}

	private int workerThreads() {
		UndertowWebServer server = (UndertowWebServer) this.context.getWebServer();
		return server.getUndertow().getWorker().getMXBean().getMaxWorkerPoolSize();
	}

	private RawHttp2Client connect(Setting... settings) throws Exception {
		RawHttp2Client client = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port,
				settings);
		this.clients.add(client);
		client.startReading();
		return client;
	}

	// one more byte of window for each open stream, over and over
	static void trickle(ScheduledExecutorService scheduler, RawHttp2Client attacker, List<Integer> streams) {
		scheduler.scheduleWithFixedDelay(() -> {
			for (int stream : streams) {
				if (attacker.response(stream).ending() == null && !attacker.isClosed()) {
					try {
						attacker.windowUpdate(stream, 1);
					}
					catch (Exception ex) {
						return;
					}
				}
			}
		}, TRICKLE_EVERY.toMillis(), TRICKLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
	}

	// each load's time, Long.MAX_VALUE for one not served in time
	static List<Long> loadPages(PushClient pushClient, String pageUrl) throws Exception {
		PushClient client = pushClient.ignoringPushes();
		List<Long> loads = new ArrayList<>();
		for (int i = 0; i < PAGE_LOADS; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(pageUrl)).timeout(SERVED_WITHIN).build();
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = client.getHttpClient()
					.send(request, HttpResponse.BodyHandlers.ofString());
				assertThat(response.body()).isEqualTo("<html>page</html>");
				loads.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			}
			catch (HttpTimeoutException ex) {
				loads.add(Long.MAX_VALUE);
			}
		}
		return loads;
	}

	// Long.MAX_VALUE when writers are still blocked at the end
	private static long millisUntilNoBlockedWriters() {
		long start = System.nanoTime();
		try {
			await().atMost(RELEASED_WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> blockedWriters() == 0);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return Long.MAX_VALUE;
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	static String millis(List<Long> loads) {
		return loads.stream()
			.map((millis) -> (millis != Long.MAX_VALUE) ? millis + " ms" : "timed out")
			.toList()
			.toString();
	}

}
