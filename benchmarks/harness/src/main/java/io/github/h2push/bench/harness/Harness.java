package io.github.h2push.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * Runs the benchmarks and prints the table: {@code --smoke} for a short run that only
 * checks that every figure is produced, {@code --soak} for the heap soak, {@code --only
 * P1,P2} to run some figures.
 */
public final class Harness {

	static final double RTT_MS = 50;

	static final long P2_BITS_PER_SECOND = 20_000_000;

	static final double P2_THINK_MS = 100;

	private final Options options;

	private final Workspace workspace;

	private final Servers servers;

	private final Report report = new Report();

	private final Set<String> warmed = new java.util.HashSet<>();

	private Harness(Options options, Workspace workspace) {
		this.options = options;
		this.workspace = workspace;
		this.servers = new Servers(workspace, options.experiment().appArgs());
	}

	/** What to run and how often. */
	record Options(Path repo, boolean smoke, boolean soak, Set<String> only, int runs, int p3Requests, int p4Loads,
			int p4Runs, int p5Runs, int p6Runs, long soakRequests, Experiment experiment) {

		static Options parse(String[] args) {
			Path repo = Path.of("").toAbsolutePath();
			boolean smoke = false;
			boolean soak = false;
			Set<String> only = Set.of("P1", "P2", "P3", "P4", "P5", "P6");
			Integer runs = null;
			long soakRequests = 1_000_000;
			long linkBuffer = 0;
			int proxySocketBuffer = 0;
			List<String> appArgs = new ArrayList<>();
			boolean commentScripts = false;
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
					default -> throw new IllegalArgumentException("Unknown option " + args[i]
							+ "; use --smoke, --soak [--soak-requests N], --runs N, --only P1,P2,…, --repo DIR"
							+ " (experiments: --link-buffer BYTES, --proxy-socket-buffer BYTES, --app-arg ARG, --comment-scripts)");
				}
			}
			Experiment experiment = new Experiment(linkBuffer, proxySocketBuffer, List.copyOf(appArgs), commentScripts);
			if (smoke) {
				return new Options(repo, true, soak, only, (runs != null) ? runs : 2, 3_000, 300, 1, 1, 1,
						Math.min(soakRequests, 100_000), experiment);
			}
			int n = (runs != null) ? runs : 20;
			return new Options(repo, false, soak, only, n, 20_000, 10_000, 3, n, n, soakRequests, experiment);
		}

	}

	/**
	 * Departures from the recorded set-up, for experiments; all off by default.
	 * @param linkBuffer bytes a rate-limited link holds before the proxy stops reading (0:
	 * no limit)
	 * @param proxySocketBuffer the proxy's receive buffer towards the server (0: the
	 * system's)
	 * @param appArgs extra arguments for every benchmark app the harness starts
	 * @param commentScripts P2's scripts are one comment each (same sizes, nothing for
	 * the browser in P6 to run)
	 */
	record Experiment(long linkBuffer, int proxySocketBuffer, List<String> appArgs, boolean commentScripts) {

		boolean any() {
			return this.linkBuffer > 0 || this.proxySocketBuffer > 0 || !this.appArgs.isEmpty() || this.commentScripts;
		}

		@Override
		public String toString() {
			List<String> parts = new ArrayList<>();
			if (this.linkBuffer > 0) {
				parts.add("link buffer " + this.linkBuffer + " bytes");
			}
			if (this.proxySocketBuffer > 0) {
				parts.add("proxy receive buffer " + this.proxySocketBuffer + " bytes");
			}
			if (!this.appArgs.isEmpty()) {
				parts.add("app arguments " + this.appArgs);
			}
			if (this.commentScripts) {
				parts.add("P2's scripts are comments (matters to P6's browser)");
			}
			return String.join(", ", parts);
		}

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
			exit = options.soak() ? harness.soak() : harness.figures();
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
		double rtt = (args.length > 2) ? Double.parseDouble(args[2]) : RTT_MS;
		long rate = (args.length > 3) ? (long) (Double.parseDouble(args[3]) * 1_000_000) : 0;
		try (DelayProxy proxy = new DelayProxy(Integer.parseInt(args[1]), rtt / 2, rate, 0, 0)) {
			System.out.println("Proxy on 127.0.0.1:" + proxy.port() + " to 127.0.0.1:" + args[1] + ", RTT " + rtt
					+ " ms" + ((rate > 0) ? ", " + rate / 1_000_000.0 + " Mbit/s" : ""));
			Thread.sleep(Long.MAX_VALUE);
		}
	}

	private int figures() throws IOException {
		List<Figure> figures = List.of(new Figure("P1", this::p1), new Figure("P2", this::p2),
				new Figure("P3", this::p3), new Figure("P4", this::p4), new Figure("P5", this::p5),
				new Figure("P6", this::p6));
		for (Figure figure : figures) {
			if (!this.options.only().contains(figure.name())) {
				continue;
			}
			this.report.expect(figure.name());
			System.out.println("== " + figure.name());
			try {
				figure.body().run();
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

	private record Figure(String name, Body body) {
	}

	@FunctionalInterface
	private interface Body {

		void run() throws Exception;

	}

	// ---- P1: page load at 50 ms RTT, push vs no push, against the peers

	private void p1() throws Exception {
		require("nghttp");
		Server ours = this.servers.ours("h2-push");
		Map<String, Server> servers = new LinkedHashMap<>();
		servers.put("h2-push", ours);
		addPeer(servers, "nginx", () -> this.servers.nginx(ours.port()));
		addPeer(servers, "H2O", this.servers::h2o);
		addPeer(servers, "Apache", this.servers::apache);
		warmJava(ours);
		Map<String, DelayProxy> proxies = new LinkedHashMap<>();
		for (Map.Entry<String, Server> server : servers.entrySet()) {
			proxies.put(server.getKey(), new DelayProxy(server.getValue().port(), RTT_MS / 2, 0, 0,
					this.options.experiment().proxySocketBuffer()));
		}
		try {
			for (Map.Entry<String, Server> server : servers.entrySet()) {
				for (int i = 0; i < 5; i++) {
					Nghttp.load(server.getValue().url("/"), true);
					Nghttp.load(server.getValue().url("/"), false);
				}
			}
			for (int run = 0; run < this.options.runs(); run++) {
				for (Map.Entry<String, DelayProxy> proxy : proxies.entrySet()) {
					for (boolean push : new boolean[] { true, false }) {
						String variant = proxy.getKey() + (push ? ", push" : ", no push");
						Nghttp.Load load = Nghttp.load("https://127.0.0.1:" + proxy.getValue().port() + "/", push);
						record("P1", variant, load, 4, push ? 3 : 0);
					}
				}
			}
		}
		finally {
			closeAll(proxies.values());
		}
		double ours1 = this.report.median("P1", "h2-push, push");
		this.report.ratio("P1", "h2-push push ÷ RTT (50 ms)", ours1 / RTT_MS, 1.10, true);
		this.report.ratio("P1", "h2-push push ÷ nginx push", ours1 / this.report.median("P1", "nginx, push"), 1.05,
				true);
		for (String name : servers.keySet()) {
			this.report.ratio("P1", name + ": push ÷ no push",
					this.report.median("P1", name + ", push") / this.report.median("P1", name + ", no push"));
		}
	}

	private void addPeer(Map<String, Server> servers, String name, PeerStarter starter) {
		String program = switch (name) {
			case "nginx" -> "nginx";
			case "H2O" -> "h2o";
			default -> "apache2";
		};
		if (!Command.exists(program)) {
			this.report.missing("P1 " + name, program + " is not installed (apt-get install "
					+ (name.equals("H2O") ? "h2o" : program) + ")");
			this.report.missing("P1", "peer " + name + " missing");
			return;
		}
		try {
			servers.put(name, starter.start());
		}
		catch (IOException ex) {
			this.report.missing("P1", name + " did not start: " + ex.getMessage());
		}
	}

	@FunctionalInterface
	private interface PeerStarter {

		Server start() throws IOException;

	}

	private void record(String figure, String variant, Nghttp.Load load, int streams, int pushes) {
		Stats stats = this.report.stats(figure, variant, "ms");
		if (load.failed() > 0 || load.streams() < streams) {
			this.report.note(figure, variant, "some loads failed or were incomplete");
			if (this.options.smoke()) {
				System.out.println(load.output());
			}
			return;
		}
		if (load.pushed() < pushes) {
			this.report.note(figure, variant, "pushed " + load.pushed() + "/" + pushes + " in some loads");
		}
		stats.add(load.completeMillis());
	}

	// ---- P2: a controller that thinks 100 ms, 500 KB of assets, 50 ms RTT, 20 Mbit/s

	private void p2() throws Exception {
		require("nghttp");
		Server ours = this.servers.ours("h2-push");
		Map<String, DelayProxy> proxies = new LinkedHashMap<>();
		proxies.put("h2-push, push before the controller", slowLink(ours.port()));
		boolean nginx = Command.exists("nginx");
		if (nginx) {
			this.servers.nginx(ours.port());
			proxies.put("nginx in front, http2_push_preload", slowLink(this.servers.nginxFrontPort()));
		}
		else {
			this.report.missing("P2", "nginx is not installed (apt-get install nginx)");
		}
		proxies.put("h2-push, client refuses push", slowLink(ours.port()));
		warmJava(ours);
		try {
			for (int run = 0; run < this.options.runs(); run++) {
				for (Map.Entry<String, DelayProxy> proxy : proxies.entrySet()) {
					boolean push = !proxy.getKey().contains("refuses");
					Nghttp.Load load = Nghttp.load("https://127.0.0.1:" + proxy.getValue().port() + "/think", push);
					record("P2", proxy.getKey(), load, 7, push ? 6 : 0);
				}
			}
		}
		finally {
			closeAll(proxies.values());
		}
		long bytes = this.workspace.p2Bytes();
		double transfer = bytes * 8.0 * 1000 / P2_BITS_PER_SECOND;
		double limit = Math.max(P2_THINK_MS, transfer) + RTT_MS;
		double ours2 = this.report.median("P2", "h2-push, push before the controller");
		this.report.ratio("P2", String.format(Locale.ROOT,
				"h2-push ÷ limit (max(100 ms think, %.0f ms for %d KB) + 50 ms RTT = %.0f ms)", transfer,
				bytes / 1024, limit), ours2 / limit, 1.10, true);
		if (nginx) {
			this.report.ratio("P2", "h2-push ÷ nginx in front",
					ours2 / this.report.median("P2", "nginx in front, http2_push_preload"), 0.80, true);
		}
		this.report.ratio("P2", "h2-push ÷ no push", ours2 / this.report.median("P2", "h2-push, client refuses push"));
	}

	private DelayProxy slowLink(int port) throws IOException {
		return new DelayProxy(port, RTT_MS / 2, P2_BITS_PER_SECOND, this.options.experiment().linkBuffer(),
				this.options.experiment().proxySocketBuffer());
	}

	// ---- P3: overhead, h2load requests/s

	private void p3() throws Exception {
		require("h2load");
		Server without = this.servers.plain("plain app without h2-push", false);
		Server with = this.servers.plain("plain app with h2-push", true);
		try {
			p3(without, with);
		}
		finally {
			// idle JVMs would share the cores with the figures that follow
			this.servers.stop(without);
			this.servers.stop(with);
		}
	}

	private void p3(Server without, Server with) throws Exception {
		Server ours = this.servers.ours("h2-push");
		Server hintsOff = hintsOff();
		Map<String, String> variants = new LinkedHashMap<>();
		variants.put("app without h2-push, /plain", without.url("/plain"));
		variants.put("same app with h2-push, /plain", with.url("/plain"));
		variants.put("bench app, /plain", ours.url("/plain"));
		variants.put("bench app, /hinted (push route, hint fallback)", ours.url("/hinted"));
		variants.put("bench app with hints off, /hinted", hintsOff.url("/hinted"));
		for (String url : variants.values()) {
			H2load.run(url, this.options.smoke() ? 5_000 : 40_000, 8, 10);
		}
		for (int run = 0; run < this.options.runs(); run++) {
			for (Map.Entry<String, String> variant : variants.entrySet()) {
				H2load.Run result = H2load.run(variant.getValue(), this.options.p3Requests(), 8, 10);
				if (result.failed() > 0 || Double.isNaN(result.requestsPerSecond())) {
					this.report.stats("P3", variant.getKey(), "req/s");
					this.report.note("P3", variant.getKey(), "failed requests in some runs");
					if (this.options.smoke()) {
						System.out.println(result.output());
					}
					continue;
				}
				this.report.stats("P3", variant.getKey(), "req/s").add(result.requestsPerSecond());
			}
		}
		this.report.ratio("P3", "with h2-push ÷ without, route without @PushResources",
				this.report.median("P3", "same app with h2-push, /plain")
						/ this.report.median("P3", "app without h2-push, /plain"),
				0.97, false);
		this.report.ratio("P3", "push route (hints) ÷ plain route",
				this.report.median("P3", "bench app, /hinted (push route, hint fallback)")
						/ this.report.median("P3", "bench app, /plain"),
				0.95, false);
		this.report.ratio("P3", "push route with hints off (no 103, no Link) ÷ plain route",
				this.report.median("P3", "bench app with hints off, /hinted")
						/ this.report.median("P3", "bench app, /plain"));
	}

	// ---- P4: sustained push on one connection

	/** Page loads in flight at once, each until its pushes are complete: at most 24 pushed streams. */
	static final int P4_IN_FLIGHT = 8;

	private void p4() throws Exception {
		Server ours = this.servers.ours("h2-push");
		PushDriver driver = new PushDriver(this.workspace.cert());
		driver.run(ours.port(), 1_000_000_000L, this.options.smoke() ? 300 : 5_000, P4_IN_FLIGHT);
		String variant = String.format(Locale.ROOT, "%,d loads on one connection, 3 pushes each", this.options.p4Loads());
		long n = 0;
		for (int run = 0; run < this.options.p4Runs(); run++) {
			PushDriver.Result result = driver.run(ours.port(), n, this.options.p4Loads(), P4_IN_FLIGHT);
			n += this.options.p4Loads();
			System.out.printf(Locale.ROOT, "P4 run %d: %d loads (%d failed), %d/%d pushes delivered (%d failed), %.2f s%n",
					run + 1, result.loads(), result.failedLoads(), result.pushesDelivered(), result.pushesExpected(),
					result.pushesFailed(), result.seconds());
			this.report.stats("P4", variant, "pushes/s").add(result.pushesPerSecond());
			boolean all = result.pushesDelivered() == result.pushesExpected() && result.failedLoads() == 0;
			this.report.check("P4", "run " + (run + 1) + ": all pushes delivered", all,
					String.format(Locale.ROOT, "%,d of %,d pushes delivered (server pushed %,d), %d failed loads, %.1f s%s",
							result.pushesDelivered(), result.pushesExpected(), result.serverPushed(),
							result.failedLoads(), result.seconds(),
							result.notPushed().isEmpty() ? "" : "; not pushed: " + result.notPushed()));
		}
	}

	// ---- P5: startup time

	private void p5() throws Exception {
		PushDriver client = new PushDriver(this.workspace.cert());
		if (!this.options.smoke()) {
			// one start of each first, not counted (file cache, class data sharing archive)
			startPlain(false, client);
			startPlain(true, client);
		}
		for (int run = 0; run < this.options.p5Runs(); run++) {
			// alternate which starts first, so neither always follows the other
			for (boolean withH2Push : (run % 2 == 0) ? new boolean[] { false, true } : new boolean[] { true, false }) {
				String variant = withH2Push ? "same app with h2-push" : "app without h2-push";
				double[] times = startPlain(withH2Push, client);
				this.report.stats("P5", variant + ", start to first HTTP/2 response", "ms").add(times[1]);
				this.report.stats("P5", variant + ", start to listening", "ms").add(times[0]);
			}
		}
		this.report.ratio("P5", "with h2-push ÷ without, to first HTTP/2 response",
				this.report.median("P5", "same app with h2-push, start to first HTTP/2 response")
						/ this.report.median("P5", "app without h2-push, start to first HTTP/2 response"),
				1.05, true);
		this.report.ratio("P5", "with h2-push ÷ without, to listening",
				this.report.median("P5", "same app with h2-push, start to listening")
						/ this.report.median("P5", "app without h2-push, start to listening"),
				1.05, true);
	}

	/**
	 * Starts the plain app: milliseconds until its port accepts connections, and until it
	 * answered {@code GET /plain} over HTTP/2 with TLS.
	 */
	private double[] startPlain(boolean withH2Push, PushDriver client) throws IOException, InterruptedException {
		int port = Workspace.freePort();
		Path log = this.workspace.dir().resolve("p5.log");
		try (Launched app = Launched.start("plain app", this.servers.plainCommand(port, withH2Push), log)) {
			long listening = app.awaitPort(port, 60_000);
			long answered = client.firstAnswer(port, "/plain", 30_000);
			return new double[] { (listening - app.startNanos()) / 1e6, (answered - app.startNanos()) / 1e6 };
		}
	}

	// ---- P6: headless Chromium, 103 Early Hints + preload vs hints off

	/** The benchmark app with the starter's hints off: no 103 Early Hints, no preload links. */
	private Server hintsOff() throws IOException {
		return this.servers.ours("h2-push-hints-off", "h2-push.early-hints=false", "h2-push.preload-links=false");
	}

	private static final Pattern BROWSER_RUN = Pattern.compile(
			"RUN variant=(\\S+) run=\\d+ load=([\\d.]+) requestStart=([\\d.]+) responseEnd=([\\d.]+) interim=([\\d.]+) protocol=(\\S+) resources=(\\d+) early=(\\d+) initiators=(\\S+) network=(\\d+)");

	private void p6() throws Exception {
		Path browserDir = this.options.repo().resolve("benchmarks/browser");
		if (!Command.exists("node")) {
			throw new IOException("node is not installed (apt-get install nodejs npm)");
		}
		if (!Files.isDirectory(browserDir.resolve("node_modules/playwright-core"))) {
			throw new IOException("playwright-core is not installed (npm ci in benchmarks/browser)");
		}
		if (!Files.isExecutable(Path.of("/usr/lib/chromium/chromium")) && !Command.exists("chromium")) {
			throw new IOException("chromium is not installed (apt-get install chromium)");
		}
		Server hints = this.servers.ours("h2-push");
		Server off = hintsOff();
		warmJava(hints);
		warmJava(off);
		try (DelayProxy hintsProxy = slowLink(hints.port()); DelayProxy offProxy = slowLink(off.port())) {
			String config = String.format(Locale.ROOT,
					"{\"runs\":%d,\"spki\":\"%s\",\"netlog\":\"%s\",\"variants\":[{\"name\":\"hints\",\"url\":\"https://127.0.0.1:%d/think\"},"
							+ "{\"name\":\"off\",\"url\":\"https://127.0.0.1:%d/think\"}]}",
					this.options.p6Runs() + 1, this.workspace.spkiHash(), this.workspace.dir().resolve("netlog.json"),
					hintsProxy.port(), offProxy.port());
			Command.Result result = Command.run(List.of("node", browserDir.resolve("p6.mjs").toString(), config), 600);
			if (result.exitCode() != 0) {
				throw new IOException("the browser run failed: " + result.output());
			}
			int with103 = 0;
			Stats earlyResources = new Stats();
			int hintRuns = 0;
			List<String> initiators = new ArrayList<>();
			for (String line : result.output().split("\n")) {
				if (line.startsWith("BROWSER")) {
					System.out.println(line);
				}
				Matcher matcher = BROWSER_RUN.matcher(line);
				if (!matcher.find() || line.contains(" run=1 ")) {
					continue; // the first run of each variant warms the browser up
				}
				boolean hinted = matcher.group(1).equals("hints");
				String variant = hinted ? "h2-push, 103 Early Hints + preload" : "same app, hints off";
				double load = Double.parseDouble(matcher.group(2));
				this.report.stats("P6", variant + ", load event", "ms").add(load);
				this.report.stats("P6", variant + ", load event − requestStart", "ms")
					.add(load - Double.parseDouble(matcher.group(3)));
				this.report.stats("P6", variant + ", HTML response end − requestStart", "ms")
					.add(Double.parseDouble(matcher.group(4)) - Double.parseDouble(matcher.group(3)));
				this.report.stats("P6", variant + ", network complete (net log: page request to last resource)", "ms")
					.add(Double.parseDouble(matcher.group(10)));
				if (!matcher.group(6).equals("h2")) {
					this.report.note("P6", variant + ", load event", "protocol " + matcher.group(6));
				}
				if (hinted) {
					hintRuns++;
					with103 += (Double.parseDouble(matcher.group(5)) > 0) ? 1 : 0;
					earlyResources.add(Integer.parseInt(matcher.group(8)));
					if (!initiators.contains(matcher.group(9))) {
						initiators.add(matcher.group(9));
					}
				}
			}
			this.report.ratio("P6", "hints ÷ hints off (load event)",
					this.report.median("P6", "h2-push, 103 Early Hints + preload, load event")
							/ this.report.median("P6", "same app, hints off, load event"),
					0.80, true);
			this.report.ratio("P6", "hints ÷ hints off (load event − requestStart: without connection setup)",
					this.report.median("P6", "h2-push, 103 Early Hints + preload, load event − requestStart")
							/ this.report.median("P6", "same app, hints off, load event − requestStart"));
			this.report.ratio("P6", "hints ÷ hints off (network complete)",
					this.report.median("P6", "h2-push, 103 Early Hints + preload, network complete (net log: page request to last resource)")
							/ this.report.median("P6", "same app, hints off, network complete (net log: page request to last resource)"));
			this.report.check("P6", "Chromium received a 103 (firstInterimResponseStart > 0)",
					hintRuns > 0 && with103 == hintRuns, with103 + " of " + hintRuns + " loads");
			this.report.check("P6", "Chromium requested the hinted resources before the HTML finished",
					hintRuns > 0 && earlyResources.min() >= Workspace.P2_ASSETS.size(),
					"in every load, " + Report.format(earlyResources.min()) + " to " + Report.format(earlyResources.max())
							+ " of " + Workspace.P2_ASSETS.size()
							+ " resources requested before the HTML response ended (Chromium's net log); Resource Timing initiator types "
							+ initiators);
		}
	}

	// ---- Soak: 1 000 000 requests, heap after a forced GC every 100 000

	private int soak() throws Exception {
		require("h2load");
		Server ours = this.servers.ours("h2-push");
		PushDriver driver = new PushDriver(this.workspace.cert());
		long step = 100_000;
		long pushingPerStep = step / 5;
		long hintedPerStep = step - pushingPerStep;
		long total = this.options.soakRequests();
		List<String> lines = new ArrayList<>();
		lines.add("| requests | pushing page loads | pushes: server pushed / client received / delivered | h2load hint-path requests (failed) | heap used after GC | step took |");
		lines.add("|---:|---:|---:|---:|---:|---:|");
		long pushingDone = 0;
		long hintedDone = 0;
		long serverPushed = 0;
		long promised = 0;
		long delivered = 0;
		long failedLoads = 0;
		long failedHinted = 0;
		Map<String, Long> notPushed = new LinkedHashMap<>();
		List<Long> heaps = new ArrayList<>();
		long before = heapAfterGc(ours);
		lines.add(String.format(Locale.ROOT, "| 0 | 0 | 0 | 0 | %,d KB | |", before));
		System.out.println(lines.get(2));
		while (pushingDone + hintedDone < total) {
			long stepStart = System.nanoTime();
			long done = pushingDone + hintedDone;
			int loads = (int) Math.min(pushingPerStep, total - done);
			// four connections per step, each with its own client
			for (int c = 0; c < 4; c++) {
				int share = loads / 4 + ((c < loads % 4) ? 1 : 0);
				if (share == 0) {
					continue;
				}
				PushDriver.Result result = driver.run(ours.port(), pushingDone, share, P4_IN_FLIGHT);
				pushingDone += result.loads();
				serverPushed += result.serverPushed();
				promised += result.pushesPromised();
				delivered += result.pushesDelivered();
				failedLoads += result.failedLoads();
				result.notPushed().forEach((why, count) -> notPushed.merge(why, count, Long::sum));
			}
			long hinted = Math.min(hintedPerStep, total - done - loads);
			if (hinted > 0) {
				H2load.Run run = H2load.run(ours.url("/hinted"), (int) hinted, 8, 10);
				hintedDone += run.succeeded();
				failedHinted += run.failed();
			}
			if (pushingDone + hintedDone == done) {
				throw new IOException("the soak made no progress in a step: " + failedLoads + " failed page loads, "
						+ failedHinted + " failed hint-path requests");
			}
			long heap = heapAfterGc(ours);
			heaps.add(heap);
			String line = String.format(Locale.ROOT, "| %,d | %,d | %,d / %,d / %,d | %,d (%,d) | %,d KB | %.1f s |",
					pushingDone + hintedDone, pushingDone, serverPushed, promised, delivered, hintedDone, failedHinted,
					heap, (System.nanoTime() - stepStart) / 1e9);
			System.out.println(line);
			lines.add(line);
		}
		String table = String.join("\n", lines);
		long first = heaps.get(0);
		long last = heaps.get(heaps.size() - 1);
		long max = heaps.stream().mapToLong(Long::longValue).max().orElse(0);
		String verdict = String.format(Locale.ROOT,
				"Heap used after a forced GC: %,d KB before, %,d KB after the first 100k requests, %,d KB at the end "
						+ "(%+.1f%% from the first step), highest %,d KB. Pushes expected %,d, server pushed %,d, client received %,d, "
						+ "delivered %,d; failed page loads %d; failed hint-path requests %d%s.",
				before, first, last, (last - first) * 100.0 / first, max, pushingDone * 3, serverPushed, promised,
				delivered, failedLoads, failedHinted, notPushed.isEmpty() ? "" : "; not pushed: " + notPushed);
		System.out.println();
		System.out.println(table);
		System.out.println();
		System.out.println(verdict);
		Path results = this.options.repo().resolve("benchmarks/target/results-soak.md");
		Files.createDirectories(results.getParent());
		Files.writeString(results, table + "\n\n" + verdict + "\n");
		boolean ok = failedLoads == 0 && failedHinted == 0 && delivered == promised;
		return ok ? 0 : 1;
	}

	private static final Pattern USED = Pattern.compile("used (\\d+)K");

	/** Heap used in KB after {@code jcmd GC.run}, as {@code jcmd GC.heap_info} reports it. */
	private long heapAfterGc(Server server) {
		String pid = Long.toString(server.process().pid());
		Command.run(List.of("jcmd", pid, "GC.run"), 60);
		return parseUsedKb(Command.run(List.of("jcmd", pid, "GC.heap_info"), 60).output());
	}

	private static long parseUsedKb(String text) {
		Matcher matcher = USED.matcher(text.replace(",", ""));
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	// ---- helpers

	/**
	 * JIT warm-up for a JVM server, so the figures show its steady state: the routes and
	 * assets the figures use, directly (no delay), over pushing and non-pushing clients.
	 */
	private void warmJava(Server server) {
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
			for (int i = 0; i < (smoke ? 10 : 150); i++) {
				Nghttp.load(server.url("/"), true);
			}
			for (int i = 0; i < (smoke ? 2 : 10); i++) {
				Nghttp.load(server.url("/think"), true);
			}
		}
	}

	private static void require(String program) throws IOException {
		if (!Command.exists(program)) {
			throw new IOException(program + " is not installed (apt-get install nghttp2-client)");
		}
	}

	private static void closeAll(Iterable<DelayProxy> proxies) {
		for (DelayProxy proxy : proxies) {
			try {
				proxy.close();
			}
			catch (IOException ex) {
				// closing
			}
		}
	}

}
