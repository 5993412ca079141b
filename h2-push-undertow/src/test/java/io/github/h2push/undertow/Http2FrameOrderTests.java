package io.github.h2push.undertow;

import io.undertow.util.HeaderMap;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Http2FrameOrder}.
 */
class Http2FrameOrderTests {

	@Test
	void findsTheUndertowInternalsItNeeds() {
		assertThat(Http2FrameOrder.create().isAvailable()).isTrue();
	}

	@Test
	void treatsNavigationsAsDocumentRequests() {
		assertThat(Http2FrameOrder.isDocumentRequest(exchange(Methods.GET, "sec-fetch-mode", "navigate"))).isTrue();
		assertThat(Http2FrameOrder.isDocumentRequest(exchange(Methods.GET, "priority", "u=0"))).isTrue();
		assertThat(Http2FrameOrder.isDocumentRequest(exchange(Methods.POST, "sec-fetch-mode", "navigate"))).isFalse();
		assertThat(Http2FrameOrder
			.isDocumentRequest(exchange(Methods.GET, "sec-fetch-mode", "no-cors", "sec-fetch-dest", "script")))
			.isFalse();
	}

	private static HttpServerExchange exchange(HttpString method, String... namesAndValues) {
		HttpServerExchange exchange = new HttpServerExchange(null);
		exchange.setRequestMethod(method);
		HeaderMap headers = headers(namesAndValues);
		headers.forEach((values) -> exchange.getRequestHeaders().addAll(values.getHeaderName(), values));
		return exchange;
	}

	private static HeaderMap headers(String... namesAndValues) {
		HeaderMap headers = new HeaderMap();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(new HttpString(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return headers;
	}

}
