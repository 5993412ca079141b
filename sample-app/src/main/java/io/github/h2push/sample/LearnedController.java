package io.github.h2push.sample;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page that declares nothing and sets no {@code Link} headers: with
 * {@code h2-push.learn.enabled=true}, h2-push reads the stylesheet and script of its
 * head on the first load and sends them as a {@code 103 Early Hints} on the next
 * navigation, before this controller runs. Only a page that is the same for everyone
 * teaches: this one says so with its own {@code Cache-Control}, which also keeps Spring
 * Security's default ({@code no-store}, which marks every page private) off it.
 */
@Controller
class LearnedController {

	@GetMapping("/learned")
	String learned(HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
		return "learned";
	}

}
