package io.github.h2push.engine;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestValues}.
 */
class RequestValuesTests {

	@Test
	void findsAShortValueAsAWordOfThePathAndALongOneAnywhere() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
		request.addParameter("t", "dark");
		request.addParameter("token", "k7Qf2xLm9TzA");
		RequestValues values = RequestValues.of(request);
		assertThat(values.appearIn("/themes/dark.css")).isTrue();
		assertThat(values.appearIn("/themes/DARK-mode.css")).isTrue();
		assertThat(values.appearIn("/themes/darkness.css")).isFalse();
		assertThat(values.appearIn("/covers/k7qf2xlm9tzalarge.jpg")).isTrue();
		assertThat(values.appearIn("/themes/d%61rk.css")).isTrue();
	}

	@Test
	void findsTheElementsOfAHeadersListButNotSingleCharacters() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
		request.addHeader("Accept-Language", "de-DE,de;q=0.9");
		request.addHeader("Accept", "text/html,image/webp,*/*;q=0.8");
		request.addHeader("Upgrade-Insecure-Requests", "1");
		RequestValues values = RequestValues.of(request);
		assertThat(values.appearIn("/i18n/de.css")).isTrue();
		assertThat(values.appearIn("/i18n/de-de.css")).isTrue();
		assertThat(values.appearIn("/img/hero.webp")).isFalse();
		assertThat(values.appearIn("/img/slide-1.jpg")).isFalse();
		assertThat(values.appearIn("/js/index.js")).isFalse();
	}

	@Test
	void takesTheSegmentsThePatternDoesNotNameAsTheRequests() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/docs/guide/intro");
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/docs/{section}/{page}");
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
				Map.of("section", "guide", "page", "intro"));
		RequestValues values = RequestValues.of(request);
		assertThat(values.appearIn("/docs/site.css")).isFalse();
		assertThat(values.appearIn("/docs/guide/site.css")).isTrue();
		assertThat(values.appearIn("/css/intro.css")).isTrue();
		assertThat(values.hasLiteralDirectory()).isFalse();
	}

	@Test
	void knowsADirectoryTheHandlersPagesShare() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/s/k7Qf2xLm9Tz");
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/s/{id}");
		assertThat(RequestValues.of(request).hasLiteralDirectory()).isTrue();
		MockHttpServletRequest withoutPattern = new MockHttpServletRequest("GET", "/s/k7Qf2xLm9Tz");
		assertThat(RequestValues.of(withoutPattern).hasLiteralDirectory()).isFalse();
		assertThat(RequestValues.of(withoutPattern).appearIn("/s/k7Qf2xLm9Tz/cover.jpg")).isTrue();
	}

}
