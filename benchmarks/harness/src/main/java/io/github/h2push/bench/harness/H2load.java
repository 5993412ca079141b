package io.github.h2push.bench.harness;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One h2load run: requests per second over HTTP/2 with TLS. h2load always sends
 * SETTINGS_ENABLE_PUSH=0, so it measures the path of clients that refuse push.
 */
final class H2load {

	private static final Pattern FINISHED = Pattern.compile("finished in [\\d.]+\\w+, ([\\d.]+) req/s");

	private static final Pattern REQUESTS = Pattern.compile(
			"requests: (\\d+) total, (\\d+) started, (\\d+) done, (\\d+) succeeded, (\\d+) failed");

	private H2load() {
	}

	record Run(double requestsPerSecond, long succeeded, long failed, String output) {
	}

	static Run run(String url, int requests, int clients, int streams) {
		Command.Result result = Command.run(List.of("h2load", "-n", Integer.toString(requests), "-c",
				Integer.toString(clients), "-m", Integer.toString(streams), "-t", "1", url), 600);
		Matcher finished = FINISHED.matcher(result.output());
		Matcher counts = REQUESTS.matcher(result.output());
		if (!finished.find() || !counts.find()) {
			return new Run(Double.NaN, 0, requests, result.output());
		}
		return new Run(Double.parseDouble(finished.group(1)), Long.parseLong(counts.group(4)),
				Long.parseLong(counts.group(5)), result.output());
	}

}
