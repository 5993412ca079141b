package io.github.h2push.sample;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page that declares nothing and sets no {@code Link} headers: with
 * {@code h2-push.learn.enabled=true}, h2-push reads the stylesheet and script of its
 * head on the first load and sends them as a {@code 103 Early Hints} on the next
 * navigation, before this controller runs.
 */
@Controller
class LearnedController {

	@GetMapping("/learned")
	String learned() {
		return "learned";
	}

}
