package io.github.h2push.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PushPathValidator}.
 */
class PushPathValidatorTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/css/site.css", "/js/app.js?v=3&x=%20y", "/img/caf%C3%A9.png", "/a/b.c/d",
			"/fonts/..woff2", "/api;matrix=1/data.json", "/~user/x" })
	void acceptsPathsOnThisOrigin(String path) {
		assertThat(PushPathValidator.problemWith(path)).isNull();
	}

	@Test
	void rejectsNull() {
		assertThat(PushPathValidator.problemWith(null)).isEqualTo("is empty");
	}

	@Test
	void rejectsPathsOverTheLimit() {
		String path = "/" + "a".repeat(PushPathValidator.MAX_LENGTH - 1);
		assertThat(PushPathValidator.problemWith(path)).isNull();
		assertThat(PushPathValidator.problemWith(path + "a")).contains("longer than 8192");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/a b", "/a\"b", "/a<b", "/a>b", "/a\\b", "/a^b", "/a`b", "/a{b", "/a|b", "/a}b" })
	void rejectsCharactersThatMustBeEncoded(String path) {
		assertThat(PushPathValidator.problemWith(path)).contains("percent-encode it");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/a%", "/a%2", "/a%zz" })
	void rejectsInvalidPercentEncoding(String path) {
		assertThat(PushPathValidator.problemWith(path)).contains("invalid percent-encoding");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/..", "/a/../b", "/a/./b", "/a/%2E%2e/b", "/a/.%2e", "/a/..?q" })
	void rejectsDotSegments(String path) {
		assertThat(PushPathValidator.problemWith(path)).contains("segment");
	}

	@Test
	void allowsDotsInTheQuery() {
		assertThat(PushPathValidator.problemWith("/a?path=../b")).isNull();
	}

	@Test
	void rejectsFragments() {
		assertThat(PushPathValidator.problemWith("/a#top")).contains("fragment");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/a", "javascript:alert(1)", "data:text/css,x", "HTTP://x/y" })
	void rejectsAbsoluteUrls(String path) {
		assertThat(PushPathValidator.problemWith(path)).contains("absolute URL");
	}

	@Test
	void rejectsDeleteAndNul() {
		assertThat(PushPathValidator.problemWith("/a\u007f")).contains("control character (0x7F)");
		assertThat(PushPathValidator.problemWith("/a\u0000")).contains("control character (NUL)");
		assertThat(PushPathValidator.problemWith("/a\nb")).contains("control character (LF)");
	}

}
