package io.github.h2push.engine;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CacheDigestCookie}.
 */
class CacheDigestCookieTests {

	private final CacheDigestCookie digestCookie = new CacheDigestCookie("digest", Duration.ofHours(2));

	@Test
	void remembersPushedPathsAcrossRequests() {
		MockHttpServletRequest first = new MockHttpServletRequest();
		first.setSecure(true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.digestCookie.write(first, response, this.digestCookie.read(first), List.of("/css/site.css", "/js/app.js"));
		String setCookie = response.getHeader("Set-Cookie");
		assertThat(setCookie).startsWith("digest=")
			.contains("; Path=/; Max-Age=7200; ")
			.contains("; Secure; HttpOnly; SameSite=Lax");
		MockHttpServletRequest returning = new MockHttpServletRequest();
		returning.setCookies(new Cookie("digest", response.getCookie("digest").getValue()));
		BitSet digest = this.digestCookie.read(returning);
		assertThat(CacheDigestCookie.contains(digest, "/css/site.css")).isTrue();
		assertThat(CacheDigestCookie.contains(digest, "/js/app.js")).isTrue();
		assertThat(CacheDigestCookie.contains(digest, "/img/logo.svg")).isFalse();
	}

	@Test
	void sendsEverythingPushedSoFarWhenARequestPushesTwice() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.digestCookie.write(request, response, this.digestCookie.read(request), List.of("/a.css"));
		this.digestCookie.write(request, response, this.digestCookie.read(request), List.of("/b.js"));
		Cookie[] cookies = response.getCookies();
		assertThat(cookies).hasSize(2);
		BitSet last = CacheDigestCookie.decode(cookies[1].getValue());
		assertThat(CacheDigestCookie.contains(last, "/a.css")).isTrue();
		assertThat(CacheDigestCookie.contains(last, "/b.js")).isTrue();
	}

	@Test
	void alwaysWritesTheSameLength() {
		assertThat(CacheDigestCookie.encode(new BitSet())).hasSize(86);
		BitSet full = new BitSet();
		full.set(0, CacheDigestCookie.BITS);
		assertThat(CacheDigestCookie.encode(full)).hasSize(86);
		assertThat(CacheDigestCookie.decode(CacheDigestCookie.encode(full))).isEqualTo(full);
	}

	@Test
	void readsAMalformedDigestAsEmpty() {
		assertThat(CacheDigestCookie.decode("short").isEmpty()).isTrue();
		assertThat(CacheDigestCookie.decode("!".repeat(86)).isEmpty()).isTrue();
		assertThat(CacheDigestCookie.decode(null).isEmpty()).isTrue();
	}

	@Test
	void startsAfreshWhenHalfFull() {
		BitSet crowded = new BitSet();
		crowded.set(0, CacheDigestCookie.BITS / 2 + 1);
		MockHttpServletRequest request = new MockHttpServletRequest();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.digestCookie.write(request, response, crowded, List.of("/a.css"));
		BitSet written = CacheDigestCookie.decode(response.getCookie("digest").getValue());
		assertThat(written.cardinality()).isBetween(1, CacheDigestCookie.HASHES);
		assertThat(CacheDigestCookie.contains(written, "/a.css")).isTrue();
	}

	@Test
	void falsePositivesStayRareAtHalfFull() {
		BitSet digest = new BitSet();
		int added = 0;
		while (digest.cardinality() <= CacheDigestCookie.BITS / 2) {
			digest.or(bitsFor("/asset-" + added++ + ".css"));
		}
		int falsePositives = 0;
		for (int i = 0; i < 10_000; i++) {
			if (CacheDigestCookie.contains(digest, "/other-" + i + ".js")) {
				falsePositives++;
			}
		}
		assertThat(added).isGreaterThan(40);
		assertThat(falsePositives).isLessThan(1000);
	}

	private static BitSet bitsFor(String path) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new CacheDigestCookie("d", Duration.ZERO).write(new MockHttpServletRequest(), response, new BitSet(),
				List.of(path));
		return CacheDigestCookie.decode(response.getCookie("d").getValue());
	}

}
