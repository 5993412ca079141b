package io.github.h2push;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 concurrent connections, 50 page loads each, two pushes per load (per-connection
 * de-duplication off so every load pushes): no server error, and every declared
 * resource accounted for in the service's records.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "h2-push.dedup.per-connection=0")
@ExtendWith(OutputCaptureExtension.class)
class PushLoadIntegrationTests extends RunningServerTests {

	private static final int CONNECTIONS = 200;

	private static final int LOADS = 50;

	@Test
	void accountsForEveryPromiseUnderLoad(CapturedOutput output) throws Exception {
		PushClient.trusting(this.certificate).get(url("/page"));
		int logged = output.getAll().length();
		long[] before = counts();
		AtomicInteger pages = new AtomicInteger();
		AtomicInteger serverErrors = new AtomicInteger();
		AtomicInteger received = new AtomicInteger();
		AtomicInteger hinted = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(CONNECTIONS);
		try {
			List<Future<?>> connections = new ArrayList<>();
			for (int c = 0; c < CONNECTIONS; c++) {
				connections.add(executor.submit(() -> {
					PushClient client = PushClient.trusting(this.certificate);
					for (int i = 0; i < LOADS; i++) {
						PushClient.Exchange page = client.get(url("/page"));
						pages.incrementAndGet();
						if (page.response().statusCode() >= 500) {
							serverErrors.incrementAndGet();
						}
						for (PushClient.PushedResponse pushed : page.pushes()) {
							received.incrementAndGet();
							if (pushed.status() >= 500) {
								serverErrors.incrementAndGet();
							}
						}
						hinted.addAndGet(page.response().headers().allValues("link").size());
					}
					return null;
				}));
			}
			for (Future<?> connection : connections) {
				connection.get(5, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		long[] after = counts();
		long pushed = after[PushOutcome.PUSHED.ordinal()] - before[PushOutcome.PUSHED.ordinal()];
		long all = 0;
		for (PushOutcome outcome : PushOutcome.values()) {
			all += after[outcome.ordinal()] - before[outcome.ordinal()];
		}
		long hints = 0;
		for (PushOutcome outcome : PushOutcome.values()) {
			if (outcome.isHint()) {
				hints += after[outcome.ordinal()] - before[outcome.ordinal()];
			}
		}
		assertThat(pages).hasValue(CONNECTIONS * LOADS);
		assertThat(serverErrors).hasValue(0);
		assertThat(all).as("every declared resource has an outcome").isEqualTo(2L * CONNECTIONS * LOADS);
		assertThat(pushed).as("pushes the clients received").isEqualTo(received.get());
		assertThat(hints).as("hints the clients received").isEqualTo(hinted.get());
		assertThat(pushed + hints).isEqualTo(all);
		assertThat(pushed).as("most resources were pushed").isGreaterThan(all / 2);
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain(" WARN ");
	}

	private long[] counts() {
		long[] counts = new long[PushOutcome.values().length];
		for (PushOutcome outcome : PushOutcome.values()) {
			counts[outcome.ordinal()] = this.statistics.count(outcome);
		}
		return counts;
	}

}
