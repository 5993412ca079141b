package io.github.h2push.bench.plain;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plain route, answering the same bytes as the benchmark app's {@code /plain}.
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

	@GetMapping(path = "/plain", produces = MediaType.TEXT_HTML_VALUE)
	String plain() {
		return PLAIN;
	}

}
