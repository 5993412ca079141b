package io.github.h2push.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * Runs the benchmarks and prints the table: {@code --smoke} for a short run that only
 * checks that every figure is produced, {@code --soak} for the heap soak, {@code --only
 * P1,P2} to run some figures. P1 to P7 measure the Spring Boot 3.5 line (Undertow);
 * P3-Boot4, P5-Boot4 and P6a-Boot4 the Spring Boot 4 line (Tomcat 11).
 */
public final class Harness {

	private final Options options;

	private final Workspace workspace;

	private final Servers servers;

	private final Report report = new Report();

	private final List<Figure> figures;

	private Harness(Options options, Workspace workspace) {
		this.options = options;
		this.workspace = workspace;
		this.servers = new Servers(workspace, options.experiment().appArgs());
		FigureContext context = new FigureContext(options, workspace, this.servers, this.report, new HashSet<>());
		this.figures = List.of(new P1PageLoad(context), new P2SlowLink(context), new P3Overhead(context),
				new P4SustainedPush(context), new P5Startup("P5", context, PlainApp.BOOT3), new P6Browser(context),
				new P7LearnedHints(context), new P3Boot4Overhead(context), new P5Startup("P5-Boot4", context, PlainApp.BOOT4),
				new P6aBoot4Browser(context));
	}

	public static void main(String[] args) throws Exception {
		if (args.length >= 2 && args[0].equals("--proxy")) {
			proxyOnly(args);
			return;
		}
		Options options = Options.parse(args);
		Instant start = Instant.now();
		Workspace workspace = new Workspace(options.repo(), options.experiment().commentScripts());
		Harness harness = new Harness(options, workspace);
		System.out.println("h2-push benchmarks (" + (options.soak() ? "soak" : options.smoke() ? "smoke" : "full") + "), "
				+ Runtime.getRuntime().availableProcessors() + " cores, work dir " + workspace.dir());
		if (options.experiment().any()) {
			System.out.println("Experiment, not the recorded set-up: " + options.experiment());
		}
		// stop the servers this run started if the run itself is stopped
		Runtime.getRuntime().addShutdownHook(new Thread(harness.servers::stopAll));
		int exit;
		try {
			exit = options.soak() ? new Soak(options, workspace, harness.servers).run() : harness.figures();
		}
		finally {
			harness.servers.stopAll();
		}
		System.out.println("Took " + Duration.between(start, Instant.now()).toSeconds() + " s");
		System.exit(exit);
	}

	/**
	 * {@code --proxy PORT [RTT_MS [MBIT_S]]}: only the network emulation, in front of
	 * 127.0.0.1:PORT, until stopped.
	 */
	private static void proxyOnly(String[] args) throws Exception {
		double rtt = (args.length > 2) ? Double.parseDouble(args[2]) : Figure.RTT_MS;
		long rate = (args.length > 3) ? (long) (Double.parseDouble(args[3]) * 1_000_000) : 0;
		try (DelayProxy proxy = new DelayProxy(Integer.parseInt(args[1]), rtt / 2, rate, 0, 0)) {
			System.out.println("Proxy on 127.0.0.1:" + proxy.port() + " to 127.0.0.1:" + args[1] + ", RTT " + rtt
					+ " ms" + ((rate > 0) ? ", " + rate / 1_000_000.0 + " Mbit/s" : ""));
			Thread.sleep(Long.MAX_VALUE);
		}
	}

	/**
	 * Runs the figures asked for, prints and writes the table; the exit code: 1 if a
	 * figure was not produced, 2 if a check failed (full runs only).
	 */
	private int figures() throws IOException {
		for (Figure figure : this.figures) {
			if (!this.options.includes(figure.name())) {
				continue;
			}
			this.report.expect(figure.name());
			System.out.println("== " + figure.name());
			try {
				figure.run();
			}
			catch (Exception ex) {
				this.report.missing(figure.name(), String.valueOf(ex));
				System.out.println(figure.name() + " failed: " + ex);
			}
		}
		this.servers.stopAll();
		String table = this.report.render();
		System.out.println();
		System.out.println(table);
		String kind = this.options.experiment().any() ? "experiment" : this.options.smoke() ? "smoke" : "full";
		Path results = this.options.repo().resolve("benchmarks/target/results-" + kind + ".md");
		Files.createDirectories(results.getParent());
		Files.writeString(results, this.options.experiment().any()
				? "Experiment, not the recorded set-up: " + this.options.experiment() + "\n\n" + table : table);
		System.out.println("Written to " + results);
		List<String> notProduced = this.report.notProduced();
		if (!notProduced.isEmpty()) {
			System.out.println("FAILED: figures not produced:");
			notProduced.forEach((line) -> System.out.println("  " + line));
			return 1;
		}
		if (this.options.smoke()) {
			System.out.println("SMOKE OK: every figure was produced (the figures themselves are not checked)");
			return 0;
		}
		if (!this.report.checksPassed()) {
			System.out.println("A check failed (see the checks table)");
			return 2;
		}
		return 0;
	}

}
