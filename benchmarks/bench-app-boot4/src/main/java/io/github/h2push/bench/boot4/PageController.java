package io.github.h2push.bench.boot4;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages of the Spring Boot 4 figures, the same bytes as the Spring Boot 3.5
 * benchmark app's: P3's and P5's plain route, and P6a's typical page, whose controller
 * takes 100 ms.
 */
@RestController
class PageController {

	static final Duration THINK_TIME = Duration.ofMillis(100);

	private static final String PLAIN = read("plain.html");

	private static final String TYPICAL = read("typical.html");

	@GetMapping(path = "/plain", produces = MediaType.TEXT_HTML_VALUE)
	String plain() {
		return PLAIN;
	}

	@GetMapping(path = "/typical", produces = MediaType.TEXT_HTML_VALUE)
	String typical() throws InterruptedException {
		Thread.sleep(THINK_TIME.toMillis());
		return TYPICAL;
	}

	private static String read(String name) {
		try {
			return new ClassPathResource("pages/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
