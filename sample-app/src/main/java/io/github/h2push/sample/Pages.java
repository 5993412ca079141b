package io.github.h2push.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

/**
 * The site's HTML pages, read once from {@code templates/}.
 */
final class Pages {

	static final String INDEX = read("index.html");

	static final String ABOUT = read("about.html");

	private Pages() {
	}

	private static String read(String name) {
		try {
			return StreamUtils.copyToString(new ClassPathResource("templates/" + name).getInputStream(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
