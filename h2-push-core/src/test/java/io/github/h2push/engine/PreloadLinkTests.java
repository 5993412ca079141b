package io.github.h2push.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PreloadLink}.
 */
class PreloadLinkTests {

	@ParameterizedTest
	@CsvSource({ "/css/site.css, style", "/css/site.css?v=2, style", "/js/app.js, script", "/js/app.mjs, script",
			"/img/logo.svg, image", "/img/a.png, image", "/img/a.webp, image", "/fonts/a.woff2, font",
			"/fonts/a.woff, font", "/fonts/a.ttf, font", "/api/data.json, fetch", "/page.html, ''", "/noext, ''" })
	void infersTheDestinationFromTheMediaType(String path, String as) {
		assertThat(PreloadLink.inferAs(path)).isEqualTo(as);
	}

	@Test
	void writesAPreloadHeader() {
		assertThat(PreloadLink.of("/css/site.css").headerValue()).isEqualTo("</css/site.css>; rel=preload; as=style");
	}

	@Test
	void marksFontsAndFetchesCrossOrigin() {
		assertThat(PreloadLink.of("/fonts/a.woff2").headerValue())
			.isEqualTo("</fonts/a.woff2>; rel=preload; as=font; crossorigin");
		assertThat(PreloadLink.of("/api/data.json").headerValue())
			.isEqualTo("</api/data.json>; rel=preload; as=fetch; crossorigin");
	}

	@Test
	void overridesTheDestinationAndAddsAFetchPriority() {
		assertThat(PreloadLink.of("/data/x.bin", "fetch", "high").headerValue())
			.isEqualTo("</data/x.bin>; rel=preload; as=fetch; crossorigin; fetchpriority=high");
		assertThat(PreloadLink.of("/page.html").headerValue()).isEqualTo("</page.html>; rel=preload");
	}

}
