package io.github.h2push.actuate;

import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromise;
import io.github.h2push.PushReason;
import io.github.h2push.PushResult;
import io.github.h2push.engine.PushStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PushMetrics}: summing a meter across its tags counts each resource
 * once.
 */
class PushMetricsTests {

	@Test
	void countsResetsOnAMeterOfTheirOwn() {
		PushStatistics statistics = new PushStatistics();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new PushMetrics(statistics).bindTo(registry);
		statistics.onResult(null, PushResult.pushed(new PushPromise("/a.css", new HttpHeaders())));
		statistics.onResult(null, PushResult.pushed(new PushPromise("/b.css", new HttpHeaders())));
		statistics.onResult(null, PushResult.notPushed("/c.css", PushOutcome.LIMITED, PushReason.MAX_PUSHES,
				"max-pushes-per-request (2) reached"));
		statistics.onPushReset("/a.css");
		assertThat(sum(registry, PushMetrics.METER_NAME)).isEqualTo(3);
		assertThat(registry.get(PushMetrics.METER_NAME).tag("outcome", "pushed").functionCounter().count())
			.isEqualTo(2);
		assertThat(registry.find(PushMetrics.METER_NAME).tag("outcome", "reset").functionCounter()).isNull();
		assertThat(registry.get(PushMetrics.RESET_METER_NAME).functionCounter().count()).isEqualTo(1);
		assertThat(sum(registry, PushMetrics.REFUSED_METER_NAME)).isEqualTo(1);
		assertThat(registry.get(PushMetrics.REFUSED_METER_NAME).tag("reason", "max-pushes").functionCounter().count())
			.isEqualTo(1);
	}

	private static double sum(SimpleMeterRegistry registry, String name) {
		return registry.find(name).functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
	}

}
