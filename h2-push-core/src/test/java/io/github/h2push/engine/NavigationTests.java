package io.github.h2push.engine;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Navigation}.
 */
class NavigationTests {

	@Test
	void aBrowserNavigationIsOne() {
		assertThat(navigation("GET", "sec-fetch-mode", "navigate", "sec-fetch-dest", "document", "priority", "u=0, i"))
			.isTrue();
		assertThat(navigation("GET", "sec-fetch-mode", "navigate")).isTrue();
		assertThat(navigation("GET", "sec-fetch-dest", "document")).isTrue();
	}

	@Test
	void onlyAGetIsOne() {
		assertThat(navigation("POST", "sec-fetch-mode", "navigate", "sec-fetch-dest", "document")).isFalse();
		assertThat(navigation("HEAD", "sec-fetch-mode", "navigate", "sec-fetch-dest", "document")).isFalse();
		assertThat(navigation("HEAD")).isFalse();
	}

	@Test
	void subresourcesFetchesAndFramesAreNotOnes() {
		assertThat(navigation("GET", "sec-fetch-mode", "no-cors", "sec-fetch-dest", "script")).isFalse();
		assertThat(navigation("GET", "sec-fetch-mode", "cors", "sec-fetch-dest", "empty")).isFalse();
		assertThat(navigation("GET", "sec-fetch-mode", "navigate", "sec-fetch-dest", "iframe")).isFalse();
		// Chromium gives stylesheets urgency 0 too: the destination decides
		assertThat(navigation("GET", "sec-fetch-dest", "style", "priority", "u=0")).isFalse();
	}

	@Test
	void withoutFetchMetadataUrgencyZeroDecides() {
		assertThat(navigation("GET", "priority", "u=0")).isTrue();
		assertThat(navigation("GET", "priority", "i, u=0")).isTrue();
		assertThat(navigation("GET", "priority", "u=1")).isFalse();
		assertThat(navigation("GET", "priority", "u=0, u=3")).isFalse();
		assertThat(navigation("GET", "priority", "i")).isFalse();
	}

	@Test
	void aClientThatSaysNothingNavigates() {
		assertThat(navigation("GET")).isTrue();
	}

	@Test
	void readsAServletRequestsHeadersInAnyCase() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("Sec-Fetch-Mode", "NAVIGATE");
		request.addHeader("Sec-Fetch-Dest", "Document");
		assertThat(Navigation.isNavigation(request)).isTrue();
		request.setMethod("POST");
		assertThat(Navigation.isNavigation(request)).isFalse();
	}

	private static boolean navigation(String method, String... namesAndValues) {
		Map<String, String> headers = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return Navigation.isNavigation(method, (name) -> headers.get(name.toLowerCase(Locale.ROOT)));
	}

}
