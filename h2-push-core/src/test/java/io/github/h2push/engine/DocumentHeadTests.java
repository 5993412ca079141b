package io.github.h2push.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DocumentHead}.
 */
class DocumentHeadTests {

	@Test
	void findsStylesheetsScriptsPreloadsAndFontsOfTheHeadInOrder() {
		String html = """
				<!DOCTYPE html><html><head>
				<meta charset="utf-8"><title>t</title>
				<LINK REL="stylesheet" HREF="/css/site.css">
				<link rel='preload' href='/fonts/a.woff2' as='font' crossorigin>
				<script src=/js/app.js defer></script>
				<style>@font-face { src: url("/fonts/body.woff2") format("woff2"), url(/fonts/body.woff?v=1); }</style>
				<link rel="icon" href="/favicon.ico"><link rel="preconnect" href="https://cdn.example">
				</head><body><link rel="stylesheet" href="/css/late.css"><script src="/js/late.js"></script>
				""";
		assertThat(DocumentHead.resources(html)).containsExactly(new DocumentHead.Resource("/css/site.css", "style"),
				new DocumentHead.Resource("/fonts/a.woff2", "font", "anonymous", ""),
				new DocumentHead.Resource("/js/app.js", "script"),
				new DocumentHead.Resource("/fonts/body.woff2", "font"),
				new DocumentHead.Resource("/fonts/body.woff?v=1", "font"));
	}

	@Test
	void leavesOutWhatDoesNotHoldUpRendering() {
		String html = "<head><script async src=\"/a.js\"></script><script type=\"module\" src=\"/m.js\"></script>"
				+ "<script type=\"application/ld+json\" src=\"/data.json\"></script><script>inline()</script>"
				+ "<link rel=\"alternate stylesheet\" href=\"/alt.css\"><link rel=stylesheet href=/off.css disabled>"
				+ "<!-- <link rel=\"stylesheet\" href=\"/commented.css\"> --></head>";
		assertThat(DocumentHead.resources(html)).isEmpty();
	}

	@Test
	void readsNoTagsInsideScriptsTitlesAndOtherTextElements() {
		// a page that reflects a request's value in its head must not teach that value
		String html = "<head><title><link rel=stylesheet href=/t.css></title>"
				+ "<script>var q = \"<link rel=stylesheet href=/account/export>\";</script>"
				+ "<noscript><link rel=stylesheet href=/n.css></noscript>"
				+ "<template><script src=/tpl.js></script></template>"
				+ "<script src=/js/app.js></script></head>";
		assertThat(DocumentHead.resources(html)).containsExactly(new DocumentHead.Resource("/js/app.js", "script"));
	}

	@Test
	void stopsAtTheBodyWhenTheHeadIsNotClosed() {
		String html = "<html><link rel=stylesheet href=/a.css><body><link rel=stylesheet href=/b.css>";
		assertThat(DocumentHead.resources(html)).extracting(DocumentHead.Resource::target).containsExactly("/a.css");
	}

	@Test
	void readsATruncatedHeadAndDecodesAmpersands() {
		String html = "<head><link rel=stylesheet href=\"/a.css?x=1&amp;y=2\"><script src=\"/b.js\"></script>"
				+ "<link rel=sty";
		assertThat(DocumentHead.resources(html)).extracting(DocumentHead.Resource::target)
			.containsExactly("/a.css?x=1&y=2", "/b.js");
	}

	@Test
	void namesEachResourceOnce() {
		String html = "<head><link rel=stylesheet href=/a.css><link rel=preload href=/a.css as=style></head>";
		assertThat(DocumentHead.resources(html)).hasSize(1);
	}

	@Test
	void leavesOutNomoduleScriptsAndWhatOnlySomeMediaNeed() {
		// a browser that runs modules skips a nomodule script, and a stylesheet for other media does not block it
		String html = "<head><script nomodule src=/js/legacy.js></script><link rel=stylesheet media=print href=/p.css>"
				+ "<link rel=stylesheet media=\"(min-width: 60em)\" href=/wide.css>"
				+ "<link rel=preload as=image media=\"(max-width: 30em)\" href=/small.png>"
				+ "<link rel=stylesheet media=all href=/all.css><link rel=stylesheet media=\" Screen \" href=/screen.css>"
				+ "<script src=/js/app.js></script></head>";
		assertThat(DocumentHead.resources(html)).extracting(DocumentHead.Resource::target)
			.containsExactly("/all.css", "/screen.css", "/js/app.js");
	}

	@Test
	void findsTheBaseOfTheDocument() {
		assertThat(DocumentHead.read("<head><base target=_top><base href=\"/static/\"><base href=/other/>").base())
			.isEqualTo("/static/");
		assertThat(DocumentHead.read("<head><link rel=stylesheet href=a.css></head><base href=/late/>").base())
			.isNull();
	}

	@Test
	void keepsTheCorsModeAndIntegrityOfEachResource() {
		String html = "<head><link rel=stylesheet href=/a.css crossorigin integrity=\"sha384-abc+/=\">"
				+ "<script src=/b.js crossorigin=use-credentials></script>"
				+ "<link rel=preload as=font href=/f.woff2 crossorigin=anonymous></head>";
		assertThat(DocumentHead.resources(html)).containsExactly(
				new DocumentHead.Resource("/a.css", "style", "anonymous", "sha384-abc+/="),
				new DocumentHead.Resource("/b.js", "script", "use-credentials", ""),
				new DocumentHead.Resource("/f.woff2", "font", "anonymous", ""));
	}

}
