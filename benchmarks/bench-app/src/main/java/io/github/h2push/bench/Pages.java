package io.github.h2push.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * The HTML pages, read once from {@code pages/}; the harness gives the peers the same
 * files.
 */
final class Pages {

	static final String INDEX = read("index.html");

	static final String THINK = read("think.html");

	static final String PLAIN = read("plain.html");

	static final String TYPICAL = read("typical.html");

	private Pages() {
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
