package io.github.h2push.sample;

import io.github.h2push.PushResources;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The home page: its stylesheet and script are declared on the class, its logo on the
 * method.
 */
@RestController
@PushResources({ "/css/site.css", "/js/app.js" })
class HomeController {

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	@PushResources("/img/logo.svg")
	String home() {
		return Pages.INDEX;
	}

}
