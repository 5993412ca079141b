package io.github.h2push.engine;

import java.util.List;

import io.github.h2push.PushPromise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RequestHeaderAllowlist}.
 */
class RequestHeaderAllowlistTests {

	@Test
	void copiesOnlyTheDefaultHeaders() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("Accept", "text/html");
		request.addHeader("Accept-Encoding", "gzip");
		request.addHeader("Accept-Language", "fr");
		request.addHeader("Accept-Language", "en;q=0.5");
		request.addHeader("Cache-Control", "no-cache");
		request.addHeader("User-Agent", "test");
		request.addHeader("Authorization", "Bearer secret");
		request.addHeader("Proxy-Authorization", "Basic secret");
		request.addHeader("Cookie", "session=secret");
		request.addHeader("If-None-Match", "\"etag\"");
		request.addHeader("Range", "bytes=0-1");
		request.addHeader("X-Custom", "custom");
		PushPromise copied = new PushPromise("/a.css",
				new RequestHeaderAllowlist(RequestHeaderAllowlist.DEFAULT_HEADERS).copyFrom(request));
		assertThat(copied.headerNames()).containsExactly("accept", "accept-encoding", "accept-language",
				"cache-control", "user-agent");
		assertThat(copied.headerValues("accept-language")).containsExactly("fr", "en;q=0.5");
	}

	@Test
	void copiesCredentialsOnlyWhenListed() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("Cookie", "session=secret");
		RequestHeaderAllowlist allowlist = new RequestHeaderAllowlist(List.of("Accept", "Cookie"));
		assertThat(allowlist.getCredentialHeaders()).containsExactly("cookie");
		assertThat(allowlist.copyFrom(request).getFirst("cookie")).isEqualTo("session=secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "If-None-Match", "if-modified-since", "If-Match", "If-Unmodified-Since", "If-Range",
			"Range" })
	void neverCopiesConditionalOrRangeHeaders(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestHeaderAllowlist(List.of(name)))
			.withMessageContaining("never copied");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Host", "Connection", "Transfer-Encoding", "Content-Length", "Upgrade", "TE" })
	void rejectsConnectionSpecificHeaders(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestHeaderAllowlist(List.of(name)))
			.withMessageContaining("cannot be copied");
	}

	@ParameterizedTest
	@ValueSource(strings = { ":path", "bad name", "bad\r\nname", "", "caf\u00e9" })
	void rejectsInvalidNames(String name) {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestHeaderAllowlist(List.of(name)));
	}

}
