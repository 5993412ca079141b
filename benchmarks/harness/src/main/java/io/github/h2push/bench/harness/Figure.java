package io.github.h2push.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * One figure of the table: its rows, ratios and checks go to the shared report under its
 * name. Holds what more than one figure needs: the network the figures emulate, the
 * JIT warm-up, and recording a page load.
 */
abstract class Figure {

	static final double RTT_MS = 50;

	static final long P2_BITS_PER_SECOND = 20_000_000;

	static final int WARM_UP_REQUESTS = 100_000;

	/** Page loads, each on a new connection, in a JVM app's warm-up. */
	static final int WARM_UP_LOADS = 2_000;

	/** The warm-up loads whose C2 compiler time the report shows. */
	static final int WARM_UP_LAST_LOADS = 250;

	protected final Options options;

	protected final Workspace workspace;

	protected final Servers servers;

	protected final Report report;

	private final Set<String> warmed;

	// requests/s of each variant, one value per run (NaN for a failed run), in run order
	private final Map<String, List<Double>> runValues = new HashMap<>();

	private final String name;

	protected Figure(String name, FigureContext context) {
		this.name = name;
		this.options = context.options();
		this.workspace = context.workspace();
		this.servers = context.servers();
		this.report = context.report();
		this.warmed = context.warmed();
	}

	final String name() {
		return this.name;
	}

	abstract void run() throws Exception;

	protected final Stats stats(String variant, String unit) {
		return this.report.stats(this.name, variant, unit);
	}

	protected final void note(String variant, String note) {
		this.report.note(this.name, variant, note);
	}

	protected final double median(String variant) {
		return this.report.median(this.name, variant);
	}

	protected final void ratio(String what, double value, double target, boolean atMost) {
		this.report.ratio(this.name, what, value, target, atMost);
	}

	protected final void ratio(String what, double value) {
		this.report.ratio(this.name, what, value);
	}

	/** A ratio of {@link #pairedRatio}: the median of the runs' ratios, with its interval. */
	protected final void ratio(String what, Stats ratios, double target, boolean atMost) {
		this.report.ratio(this.name, what, ratios, target, atMost);
	}

	/** A ratio of {@link #pairedRatio} shown for information. */
	protected final void ratio(String what, Stats ratios) {
		this.report.ratio(this.name, what, ratios);
	}

	protected final void check(String what, boolean passed, String detail) {
		this.report.check(this.name, what, passed, detail);
	}

	/**
	 * A page load as a sample of {@code variant}; a load that failed, lacked streams or
	 * pushes is noted instead, so one bad load does not skew the median.
	 */
	protected final void record(String variant, Nghttp.Load load, int streams, int pushes) {
		Stats stats = stats(variant, "ms");
		if (load.failed() > 0 || load.streams() < streams) {
			note(variant, "some loads failed or were incomplete");
			if (this.options.smoke()) {
				System.out.println(load.output());
			}
			return;
		}
		if (load.pushed() < pushes) {
			note(variant, "pushed " + load.pushed() + "/" + pushes + " in some loads");
		}
		stats.add(load.completeMillis());
	}

	/**
	 * Requests/s of each variant's URL with h2load (8 connections × 10 streams), after a
	 * warm-up of each, in interleaved runs whose order alternates (forward, then backward),
	 * so drift between runs hits every variant alike; a run with failed requests is noted,
	 * not counted. {@link #pairedRatio} compares two variants run by run.
	 */
	protected final void requestsPerSecond(Map<String, String> variants) {
		requestsPerSecond(variants, this.options.smoke() ? this.options.runs() : this.options.runs() * 2);
	}

	/** As {@link #requestsPerSecond(Map)}, with {@code runs} runs. */
	protected final void requestsPerSecond(Map<String, String> variants, int runs) {
		boolean smoke = this.options.smoke();
		// a cold Tomcat JVM was still speeding up after 300 000 requests: warm each app well
		for (String url : new LinkedHashSet<>(variants.values())) {
			H2load.run(url, smoke ? 5_000 : WARM_UP_REQUESTS, 8, 10);
		}
		List<Map.Entry<String, String>> forward = new ArrayList<>(variants.entrySet());
		List<Map.Entry<String, String>> backward = new ArrayList<>(forward);
		Collections.reverse(backward);
		for (int run = 0; run < runs; run++) {
			for (Map.Entry<String, String> variant : (run % 2 == 0) ? forward : backward) {
				Launched server = this.servers.onPort(URI.create(variant.getValue()).getPort());
				long ticks = (server != null) ? server.cpuTicks() : -1;
				H2load.Run result = H2load.run(variant.getValue(), this.options.p3Requests(), 8, 10);
				long used = (ticks >= 0) ? server.cpuTicks() - ticks : -1;
				if (result.failed() > 0 || Double.isNaN(result.requestsPerSecond())) {
					// the row exists without samples, so the smoke reports the variant as not produced
					stats(variant.getKey(), "req/s");
					note(variant.getKey(), "failed requests in some runs");
					this.runValues.computeIfAbsent(variant.getKey(), (key) -> new ArrayList<>()).add(Double.NaN);
					if (smoke) {
						System.out.println(result.output());
					}
					continue;
				}
				sample(variant.getKey(), "req/s", result.requestsPerSecond());
				if (used >= 0) {
					sample(variant.getKey() + CPU_PER_REQUEST, "µs", used * 10_000.0 / this.options.p3Requests());
				}
			}
		}
	}

	/**
	 * The server's CPU time per request: what one variant's figure for its CPU is called
	 * ({@link #requestsPerSecond}).
	 */
	static final String CPU_PER_REQUEST = ", server CPU per request";

	/**
	 * Over the runs, {@code denominator}'s server CPU time per request ÷
	 * {@code numerator}'s: a ratio to read like one of requests/s (below 1 when the
	 * numerator costs more), taken from the server's own CPU time rather than from how
	 * long its threads waited for a core.
	 */
	protected final Stats cpuRatio(String numerator, String denominator) {
		return pairedRatio(denominator + CPU_PER_REQUEST, numerator + CPU_PER_REQUEST);
	}

	/**
	 * One run's value of {@code variant}: a sample of its row, and the run's value for
	 * {@link #pairedRatio}. A figure records every variant once per run.
	 */
	protected final void sample(String variant, String unit, double value) {
		stats(variant, unit).add(value);
		this.runValues.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(value);
	}

	/**
	 * Over the runs recorded with {@link #sample}, {@code numerator}'s value ÷
	 * {@code denominator}'s in the same run: a figure reports their median. The machine's
	 * speed drifts by tens of percent within seconds; two variants measured back to back
	 * see nearly the same machine, so their ratio varies far less than their values do.
	 */
	protected final Stats pairedRatio(String numerator, String denominator) {
		List<Double> top = this.runValues.getOrDefault(numerator, List.of());
		List<Double> bottom = this.runValues.getOrDefault(denominator, List.of());
		Stats ratios = new Stats();
		for (int run = 0; run < Math.min(top.size(), bottom.size()); run++) {
			double ratio = top.get(run) / bottom.get(run);
			if (Double.isFinite(ratio)) {
				ratios.add(ratio);
			}
		}
		return ratios;
	}

	/** Sets of fresh JVMs that {@link #requestsPerSecondOnJvmSets} starts. */
	static final int JVM_SETS = 3;

	/** Starts one app of a set of JVMs. */
	@FunctionalInterface
	interface AppStarter {

		/**
		 * Starts {@code app} for set {@code set}.
		 * @return the started server, stopped by the caller
		 */
		Server start(String app, int set) throws IOException;

	}

	/**
	 * As {@link #requestsPerSecond(Map, int)}, on {@value #JVM_SETS} sets of freshly
	 * started JVMs one after the other (one set in a smoke run), the runs split between
	 * the sets: each JVM's JIT settles differently, and a JVM's place in the order showed
	 * in its speed, so each set starts, warms and first measures another of its apps.
	 * @param apps the apps of each set, in the first set's order
	 * @param starter starts an app
	 * @param variantsOf an app's variants: name and path
	 * @return the number of sets
	 */
	protected final int requestsPerSecondOnJvmSets(List<String> apps, AppStarter starter,
			Function<String, Map<String, String>> variantsOf) throws IOException {
		int sets = this.options.smoke() ? 1 : JVM_SETS;
		int runs = this.options.smoke() ? this.options.runs() : Math.max(1, this.options.runs() * 2 / JVM_SETS);
		for (int set = 0; set < sets; set++) {
			List<String> rotated = new ArrayList<>(apps);
			Collections.rotate(rotated, -set);
			Map<String, String> variants = new LinkedHashMap<>();
			List<Server> started = new ArrayList<>();
			try {
				for (String app : rotated) {
					Server server = starter.start(app, set);
					started.add(server);
					variantsOf.apply(app).forEach((variant, path) -> variants.put(variant, server.url(path)));
				}
				requestsPerSecond(variants, runs);
			}
			finally {
				// idle JVMs would share the cores with the figures that follow
				started.forEach(this.servers::stop);
			}
		}
		return sets;
	}

	/** The benchmark app with h2-push, shared by the figures. */
	protected final Server ours() throws IOException {
		return this.servers.ours("h2-push");
	}

	/** The benchmark app with the starter's hints off: no 103 Early Hints, no preload links. */
	protected final Server hintsOff() throws IOException {
		return this.servers.ours("h2-push-hints-off", "h2-push.early-hints.enabled=false",
				"h2-push.preload-links=false");
	}

	/** P2's link in front of {@code port}: 50 ms RTT, 20 Mbit/s. */
	protected final DelayProxy slowLink(int port) throws IOException {
		return new DelayProxy(port, RTT_MS / 2, P2_BITS_PER_SECOND, this.options.experiment().linkBuffer(),
				this.options.experiment().proxySocketBuffer());
	}

	/**
	 * JIT warm-up for a JVM server, so the figures show its steady state: the routes and
	 * assets the figures use, directly (no delay), over pushing and non-pushing clients.
	 */
	protected final void warmJava(Server server) {
		if (!this.warmed.add(server.name())) {
			return;
		}
		boolean smoke = this.options.smoke();
		if (Command.exists("h2load")) {
			for (String path : List.of("/", "/plain", "/hinted", "/css/site.css", "/js/app.js", "/img/logo.svg",
					"/p2/style-1.css", "/p2/lib-1.js")) {
				H2load.run(server.url(path), smoke ? 1_000 : 10_000, 4, 4);
			}
		}
		if (Command.exists("nghttp")) {
			// each nghttp load is a new connection, so every load gets its pushes
			warmNewConnections(server, "/");
			for (int i = 0; i < (smoke ? 2 : 10); i++) {
				Nghttp.load(server.url("/think"), true);
			}
		}
	}

	/**
	 * Page loads of {@code path}, each on a new connection (with pushes where the server
	 * pushes): a JVM's code for a new connection, the TLS handshake above all, is compiled
	 * by C2 only after many of them. Records the C2 compiler's CPU time per load over the
	 * last loads, which shows whether the JIT was still at work when the figures start (a
	 * compiler thread the JVM stops meanwhile takes its time in that window with it).
	 */
	protected final void warmNewConnections(Server server, String path) {
		int loads = this.options.smoke() ? 10
				: (this.options.experiment().warmLoads() > 0) ? this.options.experiment().warmLoads() : WARM_UP_LOADS;
		int last = Math.min(loads, WARM_UP_LAST_LOADS);
		Map<String, Long> before = null;
		for (int i = 0; i < loads; i++) {
			if (i == loads - last && server.process() != null) {
				before = server.process().c2CompilerTicks();
			}
			Nghttp.load(server.url(path), true);
		}
		Map<String, Long> after = (before != null) ? server.process().c2CompilerTicks() : null;
		if (after != null) {
			long ticks = 0;
			for (Map.Entry<String, Long> thread : after.entrySet()) {
				ticks += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
			}
			stats(server.name() + ": C2 compiler CPU per page load, last " + last + " of " + loads + " warm-up loads",
					"ms").add(ticks * 10.0 / last);
		}
	}

	static void require(String program) throws IOException {
		if (!Command.exists(program)) {
			throw new IOException(program + " is not installed (apt-get install nghttp2-client)");
		}
	}

	static void closeAll(Iterable<DelayProxy> proxies) {
		for (DelayProxy proxy : proxies) {
			try {
				proxy.close();
			}
			catch (IOException ex) {
				// the measurements are taken; a proxy that does not close cannot change them
			}
		}
	}

}
