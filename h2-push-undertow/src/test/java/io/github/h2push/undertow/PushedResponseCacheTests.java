package io.github.h2push.undertow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PushedResponseCache}: what a shared cache may store, variants, freshness
 * and bounds.
 */
class PushedResponseCacheTests {

	private static final byte[] CSS = "body { color: black }".getBytes(StandardCharsets.UTF_8);

	private final MutableClock clock = new MutableClock();

	private final PushedResponseCache cache = new PushedResponseCache(10_000, 1_000, this.clock);

	@Test
	void replaysAResponseWithAFreshnessLifetimeWithItsAgeUntilItIsStale() {
		HeaderMap response = response("max-age=60");
		response.put(new HttpString(":status"), "200");
		assertThat(store("/css/site.css", request(), response, CSS)).isTrue();
		this.clock.advance(Duration.ofSeconds(20));
		PushedResponseCache.Response replayed = this.cache.lookup("/css/site.css", request());
		assertThat(replayed).isNotNull();
		assertThat(replayed.body()).isEqualTo(CSS);
		assertThat(replayed.age()).isEqualTo(20);
		assertThat(replayed.headers().getFirst(Headers.CONTENT_TYPE)).isEqualTo("text/css");
		assertThat(replayed.headers().contains(":status")).as("pseudo-header kept").isFalse();
		this.clock.advance(Duration.ofSeconds(40));
		assertThat(this.cache.lookup("/css/site.css", request())).isNull();
		assertThat(this.cache.describe()).containsEntry("hits", 1L).containsEntry("misses", 1L)
			.containsEntry("responses", 0);
	}

	@Test
	void prefersSharedMaxAgeAndCountsTheAgeTheResponseArrivedWith() {
		HeaderMap response = response("max-age=1000, s-maxage=30");
		response.put(Headers.AGE, "10");
		assertThat(store("/a.css", request(), response, CSS)).isTrue();
		assertThat(this.cache.lookup("/a.css", request()).age()).isEqualTo(10);
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(this.cache.lookup("/a.css", request())).isNull();
	}

	@Test
	void storesNothingASharedCacheMayNotStore() {
		assertThat(store("/a.css", request(), response("private, max-age=60"), CSS)).isFalse();
		assertThat(store("/a.css", request(), response("no-store, max-age=60"), CSS)).isFalse();
		assertThat(store("/a.css", request(), response("no-cache, max-age=60"), CSS)).isFalse();
		assertThat(store("/a.css", request(), response("public"), CSS)).as("no lifetime").isFalse();
		assertThat(store("/a.css", request(), response("max-age=0"), CSS)).isFalse();
		assertThat(store("/a.css", request(), response("max-age=abc"), CSS)).isFalse();
		assertThat(store("/a.css", request(), new HeaderMap(), CSS)).as("no Cache-Control").isFalse();
		HeaderMap cookie = response("max-age=60");
		cookie.put(Headers.SET_COOKIE, "session=1");
		assertThat(store("/a.css", request(), cookie, CSS)).isFalse();
		HeaderMap anything = response("max-age=60");
		anything.put(Headers.VARY, "*");
		assertThat(store("/a.css", request(), anything, CSS)).isFalse();
		HeaderMap cut = response("max-age=60");
		cut.put(Headers.CONTENT_LENGTH, CSS.length + 5);
		assertThat(store("/a.css", request(), cut, CSS)).as("a body cut short").isFalse();
		assertThat(this.cache.store("/a.css", request(), 404, response("max-age=60"), CSS)).isFalse();
		assertThat(this.cache.lookup("/a.css", request())).isNull();
	}

	@Test
	void keepsAVariantPerValueOfTheHeadersTheResponseVariesOn() {
		HeaderMap gzip = request();
		gzip.put(Headers.ACCEPT_ENCODING, "gzip");
		HeaderMap varies = response("max-age=60");
		varies.put(Headers.VARY, "Accept-Encoding");
		assertThat(store("/a.css", gzip, varies, "gzipped".getBytes(StandardCharsets.UTF_8))).isTrue();
		assertThat(this.cache.lookup("/a.css", request())).as("identity").isNull();
		assertThat(store("/a.css", request(), varies, CSS)).isTrue();
		assertThat(this.cache.lookup("/a.css", request()).body()).isEqualTo(CSS);
		assertThat(new String(this.cache.lookup("/a.css", gzip).body(), StandardCharsets.UTF_8)).isEqualTo("gzipped");
	}

	@Test
	void keepsWithinItsBoundsTheLeastRecentlyUsedGoingFirst() {
		PushedResponseCache small = new PushedResponseCache(1_000, 400, this.clock);
		byte[] body = new byte[300];
		assertThat(small.store("/big", request(), 200, response("max-age=60"), new byte[401])).isFalse();
		assertThat(small.store("/1", request(), 200, response("max-age=60"), body)).isTrue();
		assertThat(small.store("/2", request(), 200, response("max-age=60"), body)).isTrue();
		assertThat(small.lookup("/1", request())).isNotNull();
		assertThat(small.store("/3", request(), 200, response("max-age=60"), body)).isTrue();
		assertThat(small.lookup("/2", request())).as("least recently used").isNull();
		assertThat(small.lookup("/1", request())).isNotNull();
		assertThat(small.lookup("/3", request())).isNotNull();
		assertThat((long) small.describe().get("bytes")).isLessThanOrEqualTo(1_000);
	}

	private boolean store(String target, HeaderMap request, HeaderMap response, byte[] body) {
		return this.cache.store(target, request, 200, response, body);
	}

	private static HeaderMap request() {
		HeaderMap headers = new HeaderMap();
		headers.put(Headers.ACCEPT, "text/css");
		return headers;
	}

	private static HeaderMap response(String cacheControl) {
		HeaderMap headers = new HeaderMap();
		headers.put(Headers.CACHE_CONTROL, cacheControl);
		headers.put(Headers.CONTENT_TYPE, "text/css");
		headers.put(new HttpString("X-Served-By"), "the application");
		return headers;
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-12-03T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
