package io.github.h2push;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

import org.springframework.util.StreamUtils;

/**
 * Runs the nghttp client (Debian's nghttp2-client) for tests that need a peer the JDK
 * client cannot play, such as one that sends SETTINGS_ENABLE_PUSH=0. Skips the test
 * when nghttp is missing, except on CI, where it fails it.
 */
public final class Nghttp {

	private static final Pattern RECEIVED_HEADER = Pattern
		.compile("\\] recv \\(stream_id=\\d+(?:, sensitive)?\\) (:?[^:]+): (.*)$");

	private Nghttp() {
	}

	/**
	 * Runs nghttp with the given arguments.
	 * @param arguments the arguments
	 * @return its output
	 * @throws IOException if it cannot be started
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static String run(String... arguments) throws IOException, InterruptedException {
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

	/**
	 * The header blocks of the HEADERS frames received in {@code -nv} output, in order:
	 * interim responses such as a {@code 103} each have their own.
	 * @param frames the output
	 * @return one map of header names to values per HEADERS frame
	 */
	public static List<Map<String, String>> responseHeaders(String frames) {
		return headerBlocks(frames, "recv HEADERS frame");
	}

	/**
	 * The header blocks of the PUSH_PROMISE frames in {@code -nv} output, in order.
	 * nghttp prints each received header on its own line before the frame it came in.
	 * @param frames the output
	 * @return one map of header names to values per promise
	 */
	static List<Map<String, String>> promises(String frames) {
		return headerBlocks(frames, "recv PUSH_PROMISE frame");
	}

	private static List<Map<String, String>> headerBlocks(String frames, String frameType) {
		List<Map<String, String>> promises = new ArrayList<>();
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : frames.split("\n")) {
			Matcher header = RECEIVED_HEADER.matcher(line);
			if (header.find()) {
				headers.put(header.group(1), header.group(2));
			}
			else if (line.contains("] recv ") && line.contains(" frame <")) {
				if (line.contains(frameType)) {
					promises.add(headers);
				}
				headers = new LinkedHashMap<>();
			}
		}
		return promises;
	}

}
