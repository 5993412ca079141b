package io.github.h2push.engine;

import java.util.List;

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

	@Test
	void countsTheResultsOfACallAsOneByOne() {
		List<PushResult> results = List.of(PushResult.pushed(new PushPromise("/a.css", new HttpHeaders())),
				PushResult.notPushed("/b.css", PushOutcome.HINTED, PushReason.CLIENT_REFUSED, null),
				PushResult.notPushed("/c.css", PushOutcome.HINTED, PushReason.CLIENT_REFUSED, null),
				PushResult.notPushed("/d.css", PushOutcome.HINTED, PushReason.MAX_PUSHES, null),
				PushResult.notPushed("/e.css", PushOutcome.LIMITED, PushReason.MAX_PUSHES, null),
				PushResult.notPushed("/f.css", PushOutcome.HINTED, PushReason.CLIENT_REFUSED, null));
		PushStatistics together = new PushStatistics();
		together.onResults(null, results);
		together.onResults(null, List.of());
		PushStatistics oneByOne = new PushStatistics();
		results.forEach((result) -> oneByOne.onResult(null, result));
		assertThat(together.counts()).isEqualTo(oneByOne.counts()).containsEntry("hinted", 4L);
		assertThat(together.refusals()).isEqualTo(oneByOne.refusals())
			.containsEntry("client-refused", 3L)
			.containsEntry("max-pushes", 2L);
	}

}
