package io.github.h2push.bench.plain;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plain route, answering the same bytes as the benchmark app's {@code /plain}, and
 * the same page with the three {@code Link} headers h2-push adds to the benchmark app's
 * {@code /hinted}, set by the application itself: what those headers cost a route
 * without any h2-push work (the floor of P3 (b)).
 */
@RestController
class PlainController {

	static final String PLAIN = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			  <meta charset="utf-8">
			  <title>h2-push benchmark: plain</title>
			</head>
			<body>
			  <p>A small page.</p>
			</body>
			</html>
			""";

	// what h2-push adds to /hinted's response for a client that refuses push, byte for byte
	static final String[] LINKS = { "</css/site.css>; rel=preload; as=style", "</js/app.js>; rel=preload; as=script",
			"</img/logo.svg>; rel=preload; as=image" };

	@GetMapping(path = "/plain", produces = MediaType.TEXT_HTML_VALUE)
	String plain() {
		return PLAIN;
	}

	@GetMapping(path = "/linked", produces = MediaType.TEXT_HTML_VALUE)
	String linked(HttpServletResponse response) {
		for (String link : LINKS) {
			response.addHeader(HttpHeaders.LINK, link);
		}
		return PLAIN;
	}

}
