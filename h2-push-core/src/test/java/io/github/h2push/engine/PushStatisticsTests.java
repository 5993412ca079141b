package io.github.h2push.engine;

import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromise;
import io.github.h2push.PushReason;
import io.github.h2push.PushResult;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PushStatistics}.
 */
class PushStatisticsTests {

	@Test
	void countsResultsByOutcomeAndReasonAndResetsApart() {
		PushStatistics statistics = new PushStatistics();
		statistics.onResult(null, PushResult.pushed(new PushPromise("/a.css", new HttpHeaders())));
		statistics.onResult(null, PushResult.notPushed("/b.css", PushOutcome.HINTED, PushReason.NOT_HTTP2, null));
		statistics.onResult(null, PushResult.notPushed("/c.css", PushOutcome.SKIPPED, PushReason.NOT_HTTP2,
				"preload links are off"));
		statistics.onPushReset("/a.css");
		assertThat(statistics.counts()).containsEntry("pushed", 1L)
			.containsEntry("hinted", 1L)
			.containsEntry("skipped", 1L)
			.doesNotContainKey("reset");
		assertThat(statistics.refusals()).hasSize(PushReason.values().length)
			.containsEntry("not-http2", 2L)
			.containsEntry("authority", 0L);
		assertThat(statistics.count(PushReason.NOT_HTTP2)).isEqualTo(2);
		assertThat(statistics.resets()).isEqualTo(1);
	}

}
