package io.github.h2push.bench;

import java.time.Duration;

import io.github.h2push.PushResources;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages of P1 (the sample page), P2 and P6b (a controller that thinks, 500 KB of
 * assets), P6a (a typical page: a controller that thinks, 120 KB of render-blocking
 * assets; P7 the same page undeclared) and P3 (a plain route and a route whose resources are hinted to clients that
 * refuse push).
 */
@RestController
class PageController {

	private final Duration thinkTime;

	PageController(@Value("${bench.think-time:100ms}") Duration thinkTime) {
		this.thinkTime = thinkTime;
	}

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	@PushResources({ "/css/site.css", "/js/app.js", "/img/logo.svg" })
	String index() {
		return Pages.INDEX;
	}

	@GetMapping(path = "/think", produces = MediaType.TEXT_HTML_VALUE)
	@PushResources({ "/p2/style-1.css", "/p2/style-2.css", "/p2/lib-1.js", "/p2/lib-2.js", "/p2/lib-3.js",
			"/p2/lib-4.js" })
	String think() throws InterruptedException {
		Thread.sleep(this.thinkTime.toMillis());
		return Pages.THINK;
	}

	@GetMapping(path = "/typical", produces = MediaType.TEXT_HTML_VALUE)
	@PushResources({ "/p6a/style.css", "/p6a/app.js", "/fonts/body.woff2" })
	String typical() throws InterruptedException {
		Thread.sleep(this.thinkTime.toMillis());
		return Pages.TYPICAL;
	}

	// P7: the typical page without declarations, for the starter to learn its hints
	@GetMapping(path = "/typical-learned", produces = MediaType.TEXT_HTML_VALUE)
	String typicalLearned() throws InterruptedException {
		Thread.sleep(this.thinkTime.toMillis());
		return Pages.TYPICAL;
	}

	@GetMapping(path = "/plain", produces = MediaType.TEXT_HTML_VALUE)
	String plain() {
		return Pages.PLAIN;
	}

	@GetMapping(path = "/hinted", produces = MediaType.TEXT_HTML_VALUE)
	@PushResources({ "/css/site.css", "/js/app.js", "/img/logo.svg" })
	String hinted() {
		return Pages.PLAIN;
	}

}
