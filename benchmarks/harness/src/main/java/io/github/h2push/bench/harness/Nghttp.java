package io.github.h2push.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page load with {@code nghttp -a -s -w 24 -W 24}: fetches the page and its linked
 * assets (skipping pushed ones) over one connection with 16 MiB flow-control windows, and
 * reads the per-stream timings; the page is complete when the last stream is.
 */
final class Nghttp {

	private static final Pattern STREAM = Pattern.compile(
			"^\\s*(\\d+)\\s+\\+([\\d.]+)(us|ms|s)\\s+(\\*)?\\s*\\+([\\d.]+)(us|ms|s)"
					+ "\\s+\\S+\\s+(\\d{3})\\s+(\\S+)\\s+(\\S+)\\s*$");

	private Nghttp() {
	}

	/** A completed load: when the last stream finished, and what was received. */
	record Load(double completeMillis, int streams, int pushed, int failed, String output) {
	}

	static Load load(String url, boolean acceptPush) {
		return run(url, acceptPush, true);
	}

	/** The page alone: its HTML, with push refused and its assets not fetched. */
	static Load page(String url) {
		return run(url, false, false);
	}

	private static Load run(String url, boolean acceptPush, boolean assets) {
		List<String> command = new ArrayList<>(List.of("nghttp", "-s", "-w", "24", "-W", "24"));
		if (assets) {
			command.add("-a");
		}
		if (!acceptPush) {
			command.add("--no-push");
		}
		command.add(url);
		Command.Result result = Command.run(command, 60);
		double complete = 0;
		int streams = 0;
		int pushed = 0;
		int failed = 0;
		for (String line : result.output().split("\n")) {
			Matcher matcher = STREAM.matcher(line);
			if (matcher.matches()) {
				streams++;
				complete = Math.max(complete, millis(matcher.group(2), matcher.group(3)));
				if (matcher.group(4) != null) {
					pushed++;
				}
				if (!matcher.group(7).equals("200")) {
					failed++;
				}
			}
		}
		if (result.exitCode() != 0 || streams == 0) {
			failed++;
		}
		return new Load(complete, streams, pushed, failed, result.output());
	}

	private static double millis(String value, String unit) {
		double v = Double.parseDouble(value);
		return switch (unit) {
			case "us" -> v / 1000;
			case "s" -> v * 1000;
			default -> v;
		};
	}

}
