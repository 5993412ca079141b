package io.github.h2push.sample;

import java.time.Duration;

import io.github.h2push.PushResources;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page whose controller takes a while, as one that queries a database does. Its
 * stylesheet, script and font are declared, so a browser gets them in a
 * {@code 103 Early Hints} response before the controller starts and fetches them while
 * it works; the page shows, from Resource Timing, when each was requested relative to
 * the HTML.
 */
@Controller
class ThinkController {

	static final Duration THINK_TIME = Duration.ofMillis(150);

	@GetMapping("/think")
	@PushResources({ "/css/site.css", "/js/app.js", "/fonts/body.woff2" })
	String think() throws InterruptedException {
		Thread.sleep(THINK_TIME.toMillis());
		return "think";
	}

}
