package io.github.h2push.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.DigestUtils;

/**
 * The versioned URLs of the sample's assets, computed the way Spring's content
 * version strategy does.
 */
final class Assets {

	static final String CSS = versioned("/css/site.css");

	static final String JS = versioned("/js/app.js");

	private Assets() {
	}

	private static String versioned(String path) {
		try (InputStream in = new ClassPathResource("static" + path).getInputStream()) {
			int dot = path.lastIndexOf('.');
			return path.substring(0, dot) + "-" + DigestUtils.md5DigestAsHex(in) + path.substring(dot);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
