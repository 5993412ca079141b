package io.github.h2push;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import org.springframework.util.StreamUtils;

/**
 * Runs the nghttp client (Debian's nghttp2-client) for tests that need a peer the JDK
 * client cannot play, such as one that sends SETTINGS_ENABLE_PUSH=0. Skips the test
 * when nghttp is missing, except on CI, where it fails it.
 */
final class Nghttp {

	private Nghttp() {
	}

	static String run(String... arguments) throws IOException, InterruptedException {
		boolean installed = new File("/usr/bin/nghttp").canExecute();
		if (!installed && System.getenv("CI") == null) {
			Assumptions.abort("nghttp is not installed (apt-get install nghttp2-client)");
		}
		List<String> command = new ArrayList<>(List.of("nghttp"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("nghttp did not finish: " + command);
		}
		String output = StreamUtils.copyToString(process.getInputStream(), StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException("nghttp failed (" + process.exitValue() + "): " + output);
		}
		return output;
	}

}
