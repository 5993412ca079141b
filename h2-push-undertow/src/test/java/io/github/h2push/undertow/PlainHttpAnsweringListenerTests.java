package io.github.h2push.undertow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PlainHttpAnsweringListener}: where a plain HTTP request is
 * redirected.
 */
class PlainHttpAnsweringListenerTests {

	@Test
	void redirectsToTheSameHostAndPathOverHttps() {
		assertThat(PlainHttpAnsweringListener.location("GET /a/b?c=d HTTP/1.1\r\nHost: LocalHost:8443\r\n\r\n"))
			.isEqualTo("https://localhost:8443/a/b?c=d");
		assertThat(PlainHttpAnsweringListener.location("HEAD / HTTP/1.0\r\nAccept: */*\r\nhost: [::1]:8443\r\n\r\n"))
			.isEqualTo("https://[::1]:8443/");
	}

	@Test
	void givesNoLocationForWhatItCannotReadSafely() {
		assertThat(PlainHttpAnsweringListener.location("GET / HTTP/1.1\r\n\r\n")).as("no Host").isNull();
		assertThat(PlainHttpAnsweringListener.location("GET http://evil.example/ HTTP/1.1\r\nHost: a\r\n\r\n"))
			.as("absolute form").isNull();
		assertThat(PlainHttpAnsweringListener.location("GET / HTTP/1.1\r\nHost: a\r\nb.example\r\n\r\n"))
			.as("folded host").isEqualTo("https://a/");
		assertThat(PlainHttpAnsweringListener.location("GET / HTTP/1.1\r\nHost: a@b\r\n\r\n")).as("userinfo").isNull();
		assertThat(PlainHttpAnsweringListener.location("GET / HTTP/1.1\r\nHost: a\r\n")).as("incomplete head")
			.isEqualTo("https://a/");
		assertThat(PlainHttpAnsweringListener.location("hello\r\n\r\n")).isNull();
	}

}
