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
			"/fonts/a.woff, font", "/fonts/a.ttf, font", "/api/data.json, fetch", "/page.html, fetch",
			"/api/orders, fetch", "/api/orders?page=2, fetch", "/download.bin, fetch" })
	void infersTheDestinationFromTheMediaType(String path, String as) {
		assertThat(PreloadLink.inferAs(path)).isEqualTo(as);
	}

	@Test
	void writesAPreloadHeader() {
		assertThat(PreloadLink.of("/css/site.css").headerValue()).isEqualTo("</css/site.css>; rel=preload; as=style");
	}

	@Test
	void writesEachLinkItsOwnValueWhenValuesAreReused() {
		PreloadLink style = new PreloadLink("/shared/a.css", "style", "");
		assertThat(style.headerValue()).isEqualTo("</shared/a.css>; rel=preload; as=style");
		// an equal link, another instance: the same value; links that differ in one attribute: their own
		assertThat(new PreloadLink("/shared/a.css", "style", "")).isEqualTo(style).hasSameHashCodeAs(style);
		assertThat(new PreloadLink("/shared/a.css", "style", "").headerValue()).isEqualTo(style.headerValue());
		assertThat(new PreloadLink("/shared/a.css", "fetch", "").headerValue())
			.isEqualTo("</shared/a.css>; rel=preload; as=fetch; crossorigin");
		assertThat(new PreloadLink("/shared/a.css", "style", "high").headerValue())
			.isEqualTo("</shared/a.css>; rel=preload; as=style; fetchpriority=high");
		assertThat(new PreloadLink("/shared/a.css", "style", "", "anonymous", "").headerValue())
			.isEqualTo("</shared/a.css>; rel=preload; as=style; crossorigin");
		// more links than are kept still get their values
		for (int i = 0; i < 300; i++) {
			assertThat(PreloadLink.of("/many/" + i + ".js").headerValue())
				.isEqualTo("</many/" + i + ".js>; rel=preload; as=script");
		}
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
	}

	@Test
	void neverWritesAPreloadWithoutADestination() {
		assertThat(PreloadLink.of("/api/orders").headerValue())
			.isEqualTo("</api/orders>; rel=preload; as=fetch; crossorigin");
		assertThat(new PreloadLink("/api/orders", "", "").headerValue())
			.isEqualTo("</api/orders>; rel=preload; as=fetch; crossorigin");
		assertThat(PreloadLink.found("/api/orders", "bogus", null).headerValue())
			.isEqualTo("</api/orders>; rel=preload; as=fetch; crossorigin");
	}

	@Test
	void keepsTheCorsModeAndIntegrityAPageGaveAResource() {
		String integrity = "sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC";
		assertThat(PreloadLink.found("/js/app.js", "script", null, "", integrity).headerValue())
			.isEqualTo("</js/app.js>; rel=preload; as=script; crossorigin; integrity=\"" + integrity + "\"");
		assertThat(PreloadLink.found("/css/site.css", "style", null, "use-credentials", null).headerValue())
			.isEqualTo("</css/site.css>; rel=preload; as=style; crossorigin=use-credentials");
		assertThat(PreloadLink.found("/fonts/a.woff2", "font", "low", "USE-CREDENTIALS", null).headerValue())
			.isEqualTo("</fonts/a.woff2>; rel=preload; as=font; crossorigin=use-credentials; fetchpriority=low");
		assertThat(PreloadLink.found("/css/site.css", "style", null, "bogus", null).headerValue())
			.isEqualTo("</css/site.css>; rel=preload; as=style; crossorigin");
	}

	@Test
	void keepsOnlyAValidIntegrityOfAScriptOrStylesheet() {
		assertThat(PreloadLink.found("/img/a.png", "image", null, null, "sha256-abc=").headerValue())
			.isEqualTo("</img/a.png>; rel=preload; as=image");
		assertThat(PreloadLink.found("/js/app.js", "script", null, null, "md5-abc").headerValue())
			.isEqualTo("</js/app.js>; rel=preload; as=script");
		assertThat(PreloadLink.found("/js/app.js", "script", null, null, "sha256-a\"; rel=stylesheet").headerValue())
			.isEqualTo("</js/app.js>; rel=preload; as=script");
		assertThat(PreloadLink.found("/js/app.js", "script", null, null, " sha256-abc\r\n\tsha512-d_e-f== ").integrity())
			.isEqualTo("sha256-abc sha512-d_e-f==");
	}

}
