package io.github.h2push.engine;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LinkHeader}.
 */
class LinkHeaderTests {

	@Test
	void readsSeveralLinksOfOneHeader() {
		List<LinkHeader.Link> links = LinkHeader
			.parse("</css/site.css>; rel=preload; as=style, </js/app.js>;rel=preload;as=script");
		assertThat(links).extracting(LinkHeader.Link::target).containsExactly("/css/site.css", "/js/app.js");
		assertThat(links).extracting((link) -> link.parameter("as")).containsExactly("style", "script");
		assertThat(links).allMatch(LinkHeader.Link::isPreload);
	}

	@Test
	void keepsCommasAndSemicolonsInsideTargetsAndQuotedValues() {
		List<LinkHeader.Link> links = LinkHeader
			.parse("</a,b;c.css>; rel=\"preload\"; title=\"x, y; z \\\"q\\\"\", </d.js>; rel=preload");
		assertThat(links).extracting(LinkHeader.Link::target).containsExactly("/a,b;c.css", "/d.js");
		assertThat(links.get(0).parameters()).containsExactly(Map.entry("rel", "preload"),
				Map.entry("title", "x, y; z \"q\""));
	}

	@Test
	void findsPreloadAmongSeveralRelationTypesInAnyCase() {
		assertThat(LinkHeader.parse("</a.css>; rel=\"stylesheet PRELOAD\"").get(0).isPreload()).isTrue();
		assertThat(LinkHeader.parse("</a.css>; REL=Preload").get(0).isPreload()).isTrue();
		assertThat(LinkHeader.parse("</a.css>; rel=preconnect").get(0).isPreload()).isFalse();
		assertThat(LinkHeader.parse("</a.css>; rel=\"modulepreload\"").get(0).isPreload()).isFalse();
		assertThat(LinkHeader.parse("</a.css>").get(0).isPreload()).isFalse();
	}

	@Test
	void readsNopushWithOrWithoutAValue() {
		assertThat(LinkHeader.parse("</a.css>; rel=preload; nopush").get(0).isNoPush()).isTrue();
		assertThat(LinkHeader.parse("</a.css>; nopush; rel=preload").get(0).isNoPush()).isTrue();
		assertThat(LinkHeader.parse("</a.css>; rel=preload; NoPush=\"\"").get(0).isNoPush()).isTrue();
		assertThat(LinkHeader.parse("</a.css>; rel=preload; as=style").get(0).isNoPush()).isFalse();
	}

	@Test
	void takesTheFirstOccurrenceOfAParameter() {
		assertThat(LinkHeader.parse("</a.css>; rel=preload; rel=next").get(0).rels()).containsExactly("preload");
	}

	@Test
	void skipsMalformedLinksAndKeepsTheOthers() {
		List<LinkHeader.Link> links = LinkHeader.parse("/no-brackets.css; rel=preload, </unclosed.css; rel=preload");
		assertThat(links).isEmpty();
		links = LinkHeader.parse("garbage \"quoted, still\" <x>, </b.css>; rel=preload, , </c.css> junk, </d.css>");
		assertThat(links).extracting(LinkHeader.Link::target).containsExactly("/b.css", "/d.css");
		assertThat(LinkHeader.parse("</a.css>; rel=\"unterminated, </b.css>")).isEmpty();
		assertThat(LinkHeader.parse("")).isEmpty();
		assertThat(LinkHeader.parse(null)).isEmpty();
	}

	@Test
	void toleratesSpacesAndATrailingSemicolon() {
		List<LinkHeader.Link> links = LinkHeader.parse("  < /a.css >  ;  rel = preload ; , </b.css>;");
		assertThat(links).extracting(LinkHeader.Link::target).containsExactly("/a.css", "/b.css");
		assertThat(links.get(0).isPreload()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "/css/site.css, /css/site.css", "/css/site.css?v=2#top, /css/site.css?v=2",
			"https://localhost:8443/js/app.js, /js/app.js", "HTTPS://LOCALHOST:8443/js/app.js?x=1, /js/app.js?x=1",
			"site.css, /docs/site.css", "../img/a.png, /img/a.png" })
	void resolvesTargetsOnTheRequestsOrigin(String target, String path) {
		assertThat(LinkHeader.parse("<" + target + ">; rel=preload").get(0).sameOriginPath(request())).isEqualTo(path);
	}

	@ParameterizedTest
	@CsvSource({ "https://cdn.example/js/app.js", "https://localhost:9443/js/app.js", "http://localhost:8443/a.js",
			"https://localhost/a.js", "//localhost:8443/a.js", "//cdn.example/a.js",
			"https://user@localhost:8443/a.js", "data:text/css;base64,AAAA", "mailto:a@b.example", "'/a b.css'" })
	void ignoresTargetsOnOtherOrigins(String target) {
		String value = "<" + target.replace("'", "") + ">; rel=preload";
		assertThat(LinkHeader.parse(value).get(0).sameOriginPath(request())).isNull();
	}

	@Test
	void treatsTheDefaultPortAsTheSchemesPort() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setScheme("https");
		request.setServerName("example.com");
		request.setServerPort(443);
		assertThat(LinkHeader.parse("<https://example.com/a.css>").get(0).sameOriginPath(request)).isEqualTo("/a.css");
	}

	@Test
	void namesTargetsWithinTheApplicationWithoutItsContextPath() {
		MockHttpServletRequest request = request();
		request.setContextPath("/app");
		assertThat(applicationPath("</app/css/site.css>", request)).isEqualTo("/css/site.css");
		assertThat(applicationPath("<https://localhost:8443/app/js/a.js?v=1>", request)).isEqualTo("/js/a.js?v=1");
		assertThat(applicationPath("</app>", request)).isEqualTo("/");
		assertThat(applicationPath("</application/x.css>", request)).isNull();
		assertThat(applicationPath("</css/site.css>", request)).isNull();
		assertThat(applicationPath("</css/site.css>", request())).isEqualTo("/css/site.css");
	}

	private static String applicationPath(String value, MockHttpServletRequest request) {
		return LinkHeader.parse(value).get(0).applicationPath(request);
	}

	private static MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/docs/page");
		request.setScheme("https");
		request.setServerName("localhost");
		request.setServerPort(8443);
		return request;
	}

}
