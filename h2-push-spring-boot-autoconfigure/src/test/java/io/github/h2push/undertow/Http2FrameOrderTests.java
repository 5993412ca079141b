package io.github.h2push.undertow;

import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
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
		assertThat(Http2FrameOrder.isDocumentRequest(headers("sec-fetch-mode", "navigate"))).isTrue();
		assertThat(Http2FrameOrder.isDocumentRequest(headers("sec-fetch-dest", "document"))).isTrue();
		assertThat(Http2FrameOrder.isDocumentRequest(headers("sec-fetch-mode", "navigate", "priority", "u=0, i")))
			.isTrue();
	}

	@Test
	void treatsUrgencyZeroAsADocumentRequestOnlyWithoutAFetchDestination() {
		assertThat(Http2FrameOrder.isDocumentRequest(headers("priority", "u=0"))).isTrue();
		assertThat(Http2FrameOrder.isDocumentRequest(headers("priority", "i, u=0"))).isTrue();
		// Chromium gives stylesheets urgency 0 too
		assertThat(Http2FrameOrder.isDocumentRequest(headers("sec-fetch-dest", "style", "priority", "u=0")))
			.isFalse();
		assertThat(Http2FrameOrder.isDocumentRequest(headers("priority", "u=1"))).isFalse();
		assertThat(Http2FrameOrder.isDocumentRequest(headers("priority", "u=0, u=3"))).isFalse();
		assertThat(Http2FrameOrder.isDocumentRequest(headers("priority", "i"))).isFalse();
	}

	@Test
	void treatsSubresourceRequestsAsOrdinary() {
		assertThat(Http2FrameOrder.isDocumentRequest(new HeaderMap())).isFalse();
		assertThat(Http2FrameOrder.isDocumentRequest(headers("sec-fetch-mode", "no-cors", "sec-fetch-dest", "script")))
			.isFalse();
		assertThat(Http2FrameOrder.isDocumentRequest(headers("sec-fetch-mode", "cors", "sec-fetch-dest", "empty")))
			.isFalse();
	}

	private static HeaderMap headers(String... namesAndValues) {
		HeaderMap headers = new HeaderMap();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(new HttpString(namesAndValues[i]), namesAndValues[i + 1]);
		}
		return headers;
	}

}
