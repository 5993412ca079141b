package io.github.h2push.bench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to run and how often, from the command line. Figure names in {@code --only} are
 * matched without regard to case ({@code p6a-boot4} runs {@code P6a-Boot4}).
 */
record Options(Path repo, boolean smoke, boolean soak, Set<String> only, int runs, int p3Requests, int p4Loads,
		int p4Runs, int p5Runs, int p6Runs, long soakRequests, Experiment experiment) {

	/** Every figure, as {@code --only} names it (upper case). */
	static final Set<String> ALL = Set.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P3-BOOT4", "P5-BOOT4",
			"P6A-BOOT4");

	/** Whether the figure of this name is to run. */
	boolean includes(String figure) {
		return this.only.contains(figure.toUpperCase(Locale.ROOT));
	}

	static Options parse(String[] args) {
		Path repo = Path.of("").toAbsolutePath();
		boolean smoke = false;
		boolean soak = false;
		Set<String> only = null;
		Integer runs = null;
		long soakRequests = 1_000_000;
		long linkBuffer = 0;
		int proxySocketBuffer = 0;
		List<String> appArgs = new ArrayList<>();
		boolean commentScripts = false;
		int warmLoads = 0;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath();
				case "--smoke" -> smoke = true;
				case "--soak" -> soak = true;
				case "--soak-requests" -> soakRequests = Long.parseLong(args[++i]);
				case "--runs" -> runs = Integer.parseInt(args[++i]);
				case "--only" -> only = Set.of(args[++i].toUpperCase(Locale.ROOT).split(","));
				case "--link-buffer" -> linkBuffer = Long.parseLong(args[++i]);
				case "--proxy-socket-buffer" -> proxySocketBuffer = Integer.parseInt(args[++i]);
				case "--app-arg" -> appArgs.add(args[++i]);
				case "--comment-scripts" -> commentScripts = true;
				case "--warm-loads" -> {
					warmLoads = Integer.parseInt(args[++i]);
					if (warmLoads < 1) {
						throw new IllegalArgumentException("--warm-loads needs at least 1 load, not " + warmLoads);
					}
				}
				default -> throw new IllegalArgumentException("Unknown option " + args[i]
						+ "; use --smoke, --soak [--soak-requests N], --runs N, --only P1,P2,…,P3-Boot4,P5-Boot4,P6a-Boot4, --repo DIR"
						+ " (experiments: --link-buffer BYTES, --proxy-socket-buffer BYTES, --app-arg ARG, --comment-scripts, --warm-loads N)");
			}
		}
		if (only == null) {
			only = ALL;
		}
		for (String figure : only) {
			if (!ALL.contains(figure)) {
				throw new IllegalArgumentException("Unknown figure " + figure + " in --only; the figures are P1, P2, P3,"
						+ " P4, P5, P6, P7, P3-Boot4, P5-Boot4, P6a-Boot4");
			}
		}
		Experiment experiment = new Experiment(linkBuffer, proxySocketBuffer, List.copyOf(appArgs), commentScripts,
				warmLoads);
		if (smoke) {
			return new Options(repo, true, soak, only, (runs != null) ? runs : 2, 3_000, 300, 1, 1, 1,
					Math.min(soakRequests, 100_000), experiment);
		}
		int n = (runs != null) ? runs : 20;
		return new Options(repo, false, soak, only, n, 10_000, 10_000, 3, n, n, soakRequests, experiment);
	}

}
