package io.github.h2push.sample;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's avatar: a resource only signed-in users may fetch.
 */
@RestController
class AccountController {

	@GetMapping(path = "/account/avatar.svg", produces = "image/svg+xml")
	ResponseEntity<String> avatar(Authentication authentication) {
		String initial = authentication.getName().substring(0, 1).toUpperCase();
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32\" height=\"32\">"
				+ "<circle cx=\"16\" cy=\"16\" r=\"16\" fill=\"#4f46e5\"/>"
				+ "<text x=\"16\" y=\"21\" font-size=\"14\" text-anchor=\"middle\" fill=\"#fff\">" + initial
				+ "</text></svg>";
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(svg);
	}

}
