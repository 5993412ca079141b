package io.github.h2push.support;

import io.github.h2push.PushChannel;
import io.github.h2push.PushOutcome;
import io.github.h2push.PushResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PushRefusal}: every reason the library gives falls into a category
 * that says why.
 */
class PushRefusalTests {

	@Test
	void pushedResourcesHaveNoCategory() {
		assertThat(PushRefusal.of(new PushResult("/a.css", PushOutcome.PUSHED, null, null))).isNull();
	}

	@Test
	void classifiesTheReasonsOfTransportsAndLimits() {
		assertThat(category(PushOutcome.EARLY_HINTED, "not HTTP/2")).isEqualTo(PushRefusal.NOT_HTTP2);
		assertThat(category(PushOutcome.HINTED, "the client refused push, or this is a pushed request"))
			.isEqualTo(PushRefusal.CLIENT_REFUSED);
		assertThat(category(PushOutcome.LIMITED, PushChannel.Answer.REFUSED.reason()))
			.isEqualTo(PushRefusal.CLIENT_REFUSED);
		assertThat(category(PushOutcome.LIMITED, PushChannel.Answer.NO_STREAM_SLOT.reason()))
			.isEqualTo(PushRefusal.STREAM_LIMIT);
		assertThat(category(PushOutcome.HINTED, "the client allows no concurrent streams"))
			.isEqualTo(PushRefusal.STREAM_LIMIT);
		assertThat(category(PushOutcome.LIMITED, PushChannel.Answer.BUSY.reason()))
			.isEqualTo(PushRefusal.STREAM_LIMIT);
		assertThat(category(PushOutcome.HINTED, "the client gives new streams no flow-control window"))
			.isEqualTo(PushRefusal.STREAM_LIMIT);
		assertThat(category(PushOutcome.HINTED, "the server's certificate does not cover the request's authority"))
			.isEqualTo(PushRefusal.AUTHORITY);
		assertThat(category(PushOutcome.HINTED, "the request's authority is not a valid host[:port]"))
			.isEqualTo(PushRefusal.AUTHORITY);
		assertThat(category(PushOutcome.LIMITED, "max-pushes-per-request (10) reached"))
			.isEqualTo(PushRefusal.MAX_PUSHES);
		assertThat(category(PushOutcome.LIMITED, "the request's copied headers would exceed 8192 bytes across "
				+ "its promises")).isEqualTo(PushRefusal.HEADER_SIZE);
		assertThat(category(PushOutcome.HINTED, "push is off on this Undertow version"))
			.isEqualTo(PushRefusal.UNAVAILABLE);
		assertThat(category(PushOutcome.HINTED, "a HEAD request, whose response has no body to need resources"))
			.isEqualTo(PushRefusal.OTHER);
	}

	@Test
	void classifiesByTheFirstReasonWhenPreloadLinksAreOff() {
		assertThat(category(PushOutcome.SKIPPED, "not HTTP/2; preload links are off"))
			.isEqualTo(PushRefusal.NOT_HTTP2);
		assertThat(category(PushOutcome.SKIPPED, "the current user may not fetch it"))
			.isEqualTo(PushRefusal.ACCESS_POLICY);
		assertThat(category(PushOutcome.HINTED,
				"a pushed request, which carries only the copied headers, may not fetch it"))
			.isEqualTo(PushRefusal.ACCESS_POLICY);
	}

	@Test
	void duplicatesAndInvalidPathsAreTheirOwnCategories() {
		assertThat(category(PushOutcome.DUPLICATE, "the client's cache digest lists it"))
			.isEqualTo(PushRefusal.DUPLICATE);
		assertThat(category(PushOutcome.REJECTED, "path must start with '/'")).isEqualTo(PushRefusal.INVALID_PATH);
	}

	@Test
	void statisticsCountResultsByCategoryAndResetsApart() {
		PushStatistics statistics = new PushStatistics();
		statistics.onResult(null, new PushResult("/a.css", PushOutcome.PUSHED, null, null));
		statistics.onResult(null, new PushResult("/b.css", PushOutcome.HINTED, null, "not HTTP/2"));
		statistics.onPushReset("/a.css");
		assertThat(statistics.counts()).containsEntry("pushed", 1L).containsEntry("hinted", 1L)
			.doesNotContainKey("reset");
		assertThat(statistics.refusals()).hasSize(PushRefusal.values().length)
			.containsEntry("not-http2", 1L)
			.containsEntry("authority", 0L);
		assertThat(statistics.resets()).isEqualTo(1);
	}

	private static PushRefusal category(PushOutcome outcome, String reason) {
		return PushRefusal.of(new PushResult("/a.css", outcome, null, reason));
	}

}
