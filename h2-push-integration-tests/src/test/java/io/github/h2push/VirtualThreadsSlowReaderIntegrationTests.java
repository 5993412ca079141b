package io.github.h2push;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The slow reader of {@link SlowReaderIntegrationTests} against a server whose requests
 * run on virtual threads ({@code spring.threads.virtual.enabled=true}, which Spring Boot
 * 3.5 applies to Undertow's deployment on JDK 21 and later), with h2-push's
 * per-connection limits off: the writes the slow reader keeps waiting park virtual
 * threads, not worker threads, and other clients are served.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.threads.virtual.enabled=true", "h2-push.connection.write-timeout=2s",
				"h2-push.connection.max-concurrent-streams=0", "h2-push.connection.max-running-requests=0",
				"h2-push.connection.min-send-rate=0", "server.shutdown=immediate" })
class VirtualThreadsSlowReaderIntegrationTests extends RunningServerTests {

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

	private RawHttp2Client attacker;

	@AfterEach
	void closeAttacker() {
		this.scheduler.shutdownNow();
		if (this.attacker != null) {
			this.attacker.close();
		}
	}

	@Test
	void slowReaderHoldsNoWorkerThread() throws Exception {
		this.attacker = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port,
				Setting.initialWindowSize(1), Setting.enablePush(false));
		this.attacker.startReading();
		List<Integer> streams = new ArrayList<>();
		for (int i = 0; i < SlowReaderIntegrationTests.STREAMS; i++) {
			streams.add(this.attacker.get("/big.txt"));
		}
		SlowReaderIntegrationTests.trickle(this.scheduler, this.attacker, streams);
		AtomicInteger mostRunning = new AtomicInteger();
		this.scheduler.scheduleWithFixedDelay(
				() -> mostRunning.accumulateAndGet(SlowReaderIntegrationTests.running(this.attacker, streams),
						Math::max),
				0, 100, TimeUnit.MILLISECONDS);
		// every stream is written to at once: no pool of worker threads limits them
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> mostRunning.get() == streams.size());
		}
		catch (ConditionTimeoutException ex) {
			// asserted once the figures are printed
		}
		Thread.sleep(SlowReaderIntegrationTests.TRICKLE_EVERY.multipliedBy(4).toMillis());
		List<Long> loads = SlowReaderIntegrationTests.loadPages(PushClient.trusting(this.certificate), url("/page"));
		long served = loads.stream().filter((millis) -> millis != Long.MAX_VALUE).count();
		System.out.printf("slow reader on virtual threads (Java %d, 1 connection x %d streams, window 1 byte, +1 byte "
				+ "per stream every %d ms): %d of its streams receiving at once, %d platform threads waiting to "
				+ "write; normal client: %d of %d page loads served, in %s%n", Runtime.version().feature(),
				streams.size(), SlowReaderIntegrationTests.TRICKLE_EVERY.toMillis(), mostRunning.get(),
				blockedWriters(), served, loads.size(), SlowReaderIntegrationTests.millis(loads));
		assertThat(mostRunning.get()).as("streams receiving at once").isEqualTo(streams.size());
		assertThat(streams).allSatisfy((stream) -> assertThat(this.attacker.response(stream).ending()).isNull());
		assertThat(loads)
			.allSatisfy((millis) -> assertThat(millis).isLessThan(SlowReaderIntegrationTests.SERVED_WITHIN.toMillis()));
	}

}
