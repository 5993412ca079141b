package io.github.h2push.sample;

import io.github.h2push.PushPromiseService;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The about page: pushes programmatically.
 */
@RestController
class AboutController {

	private final PushPromiseService pushPromiseService;

	AboutController(PushPromiseService pushPromiseService) {
		this.pushPromiseService = pushPromiseService;
	}

	@GetMapping(path = "/about", produces = MediaType.TEXT_HTML_VALUE)
	String about() {
		this.pushPromiseService.push("/css/site.css");
		this.pushPromiseService.push("/img/logo.svg");
		return Pages.ABOUT;
	}

}
