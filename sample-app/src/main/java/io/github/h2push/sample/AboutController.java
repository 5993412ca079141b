package io.github.h2push.sample;

import io.github.h2push.PushPromiseService;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The about page: pushes programmatically.
 */
@Controller
class AboutController {

	private final PushPromiseService pushPromiseService;

	AboutController(PushPromiseService pushPromiseService) {
		this.pushPromiseService = pushPromiseService;
	}

	@GetMapping("/about")
	String about() {
		this.pushPromiseService.push("/css/site.css");
		this.pushPromiseService.push("/img/logo.svg");
		return "about";
	}

}
