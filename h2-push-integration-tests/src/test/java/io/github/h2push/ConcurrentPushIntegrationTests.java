package io.github.h2push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many fresh connections, each asking for several pages with the same resources at
 * once: each resource is pushed exactly once per connection, and the requests that
 * lost the race record it as a duplicate, not as a limit.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentPushIntegrationTests extends RunningServerTests {

	private static final int CONNECTIONS = 20;

	private static final int PAGES_PER_CONNECTION = 6;

	private static final int ROUNDS = 3;

	@Test
	@Timeout(value = 120, unit = TimeUnit.SECONDS)
	void pushesEachResourceOncePerConnectionWhateverTheConcurrency() throws Exception {
		long pushed = this.statistics.count(PushOutcome.PUSHED);
		long duplicates = this.statistics.count(PushOutcome.DUPLICATE);
		long limited = this.statistics.count(PushOutcome.LIMITED);
		String[] arguments = new String[PAGES_PER_CONNECTION + 1];
		arguments[0] = "-nv";
		for (int i = 1; i <= PAGES_PER_CONNECTION; i++) {
			// several URIs on one nghttp command share one connection, requested at once
			arguments[i] = url("/page?" + i);
		}
		ExecutorService executor = Executors.newFixedThreadPool(CONNECTIONS);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				List<Future<String>> connections = new ArrayList<>();
				for (int i = 0; i < CONNECTIONS; i++) {
					connections.add(executor.submit(() -> Nghttp.run(arguments)));
				}
				for (Future<String> connection : connections) {
					String frames = connection.get(30, TimeUnit.SECONDS);
					Map<String, Long> promised = Nghttp.promises(frames)
						.stream()
						.collect(Collectors.groupingBy((promise) -> promise.get(":path"), Collectors.counting()));
					assertThat(promised).as("promises on one connection, round %d", round)
						.isEqualTo(Map.of("/css/site.css", 1L, "/js/app.js", 1L));
					assertThat(frames.split(":status: 200", -1)).as("pages and pushes served")
						.hasSize(PAGES_PER_CONNECTION + 2 + 1);
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
		int pages = ROUNDS * CONNECTIONS * PAGES_PER_CONNECTION;
		int resourcesPushed = ROUNDS * CONNECTIONS * 2;
		assertThat(this.statistics.count(PushOutcome.PUSHED) - pushed).isEqualTo(resourcesPushed);
		assertThat(this.statistics.count(PushOutcome.DUPLICATE) - duplicates).isEqualTo(pages * 2 - resourcesPushed);
		assertThat(this.statistics.count(PushOutcome.LIMITED) - limited).isZero();
	}

}
