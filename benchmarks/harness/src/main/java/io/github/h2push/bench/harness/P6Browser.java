package io.github.h2push.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * P6: headless Chromium on P2's link (50 ms RTT, 20 Mbit/s), with 103 Early Hints and
 * preload links against the same app with hints off. P6a loads a typical page
 * ({@code /typical}: a controller that takes 100 ms, 120 KB of render-blocking
 * stylesheet, script and font), P6b the heavy one ({@code /think}: 500 KB of assets).
 */
class P6Browser extends Figure {

	static final String HINTS = "h2-push, 103 Early Hints + preload";

	static final String HINTS_OFF = "same app, hints off";

	static final String LOAD_EVENT = ", load event";

	static final String LOAD_EVENT_FROM_REQUEST = ", load event − requestStart";

	static final String HTML_END_FROM_REQUEST = ", HTML response end − requestStart";

	static final String NETWORK_COMPLETE = ", network complete (net log: page request to last resource)";

	static final Pattern BROWSER_RUN = Pattern.compile(
			"RUN variant=(\\S+) run=\\d+ load=([\\d.]+) requestStart=([\\d.]+) responseEnd=([\\d.]+) "
					+ "interim=([\\d.]+) protocol=(\\S+) resources=(\\d+) early=(\\d+) initiators=(\\S+) network=(\\d+)");

	/**
	 * A page the browser loads: its label prefix, path, hinted resources and target, and
	 * what the two variants are called.
	 */
	record Page(String name, String path, int resources, double target, String hintsLabel, String offLabel) {

		Page(String name, String path, int resources, double target) {
			this(name, path, resources, target, HINTS, HINTS_OFF);
		}

		String label(boolean hinted, String measure) {
			return this.name + ": " + (hinted ? this.hintsLabel : this.offLabel) + measure;
		}

	}

	private static final List<Page> PAGES = List.of(
			new Page("P6a typical page", "/typical", Workspace.P6A_ASSETS.size() + 1, 0.80),
			new Page("P6b heavy page", "/think", Workspace.P2_ASSETS.size(), 0.95));

	private final List<Page> pages;

	P6Browser(FigureContext context) {
		this("P6", context, PAGES);
	}

	protected P6Browser(String name, FigureContext context, List<Page> pages) {
		super(name, context);
		this.pages = pages;
	}

	/** The app that sends the hints. */
	protected Server hinted() throws IOException {
		return ours();
	}

	/** The same app with the hints off. */
	protected Server notHinted() throws IOException {
		return hintsOff();
	}

	/** JIT warm-up of an app before the browser loads its pages. */
	protected void warm(Server server) {
		warmJava(server);
	}

	@Override
	void run() throws Exception {
		Path browserDir = browserDir(this.options);
		Server hints = hinted();
		Server off = notHinted();
		warm(hints);
		warm(off);
		try (DelayProxy hintsProxy = slowLink(hints.port()); DelayProxy offProxy = slowLink(off.port())) {
			List<String> variants = new ArrayList<>();
			for (int i = 0; i < this.pages.size(); i++) {
				String path = this.pages.get(i).path();
				variants.add(String.format(Locale.ROOT, "{\"name\":\"%d-hints\",\"url\":\"https://127.0.0.1:%d%s\"}", i,
						hintsProxy.port(), path));
				variants.add(String.format(Locale.ROOT, "{\"name\":\"%d-off\",\"url\":\"https://127.0.0.1:%d%s\"}", i,
						offProxy.port(), path));
			}
			String config = String.format(Locale.ROOT, "{\"runs\":%d,\"spki\":\"%s\",\"netlog\":\"%s\",\"variants\":[%s]}",
					this.options.p6Runs() + 1, this.workspace.spkiHash(),
					this.workspace.dir().resolve("netlog-" + name().toLowerCase(Locale.ROOT) + ".json"),
					String.join(",", variants));
			Command.Result result = Command.run(List.of("node", browserDir.resolve("p6.mjs").toString(), config), 900);
			if (result.exitCode() != 0) {
				throw new IOException("the browser run failed: " + result.output());
			}
			for (String line : result.output().split("\n")) {
				if (line.startsWith("BROWSER")) {
					System.out.println(line);
				}
			}
			for (int i = 0; i < this.pages.size(); i++) {
				report(this.pages.get(i), i, result.output());
			}
		}
	}

	/** The browser driver's directory, once node, playwright-core and Chromium are found. */
	static Path browserDir(Options options) throws IOException {
		Path browserDir = options.repo().resolve("benchmarks/browser");
		if (!Command.exists("node")) {
			throw new IOException("node is not installed (apt-get install nodejs npm)");
		}
		if (!Files.isDirectory(browserDir.resolve("node_modules/playwright-core"))) {
			throw new IOException("playwright-core is not installed (npm ci in benchmarks/browser)");
		}
		if (!Files.isExecutable(Path.of("/usr/lib/chromium/chromium")) && !Command.exists("chromium")) {
			throw new IOException("chromium is not installed (apt-get install chromium)");
		}
		return browserDir;
	}

	private void report(Page page, int index, String output) {
		int with103 = 0;
		Stats earlyResources = new Stats();
		int hintRuns = 0;
		List<String> initiators = new ArrayList<>();
		for (String line : output.split("\n")) {
			Matcher matcher = BROWSER_RUN.matcher(line);
			if (!matcher.find() || line.contains(" run=1 ") || !matcher.group(1).startsWith(index + "-")) {
				continue; // the first run of each variant warms the browser up
			}
			boolean hinted = matcher.group(1).endsWith("-hints");
			double load = Double.parseDouble(matcher.group(2));
			stats(page.label(hinted, LOAD_EVENT), "ms").add(load);
			double requestStart = Double.parseDouble(matcher.group(3));
			stats(page.label(hinted, LOAD_EVENT_FROM_REQUEST), "ms").add(load - requestStart);
			stats(page.label(hinted, HTML_END_FROM_REQUEST), "ms").add(Double.parseDouble(matcher.group(4)) - requestStart);
			stats(page.label(hinted, NETWORK_COMPLETE), "ms").add(Double.parseDouble(matcher.group(10)));
			if (!matcher.group(6).equals("h2")) {
				note(page.label(hinted, LOAD_EVENT), "protocol " + matcher.group(6));
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
		ratio(page.name() + ": hints ÷ hints off (load event)",
				median(page.label(true, LOAD_EVENT)) / median(page.label(false, LOAD_EVENT)), page.target(), true);
		ratio(page.name() + ": hints ÷ hints off (load event − requestStart: without connection setup)",
				median(page.label(true, LOAD_EVENT_FROM_REQUEST)) / median(page.label(false, LOAD_EVENT_FROM_REQUEST)));
		ratio(page.name() + ": hints ÷ hints off (HTML response end − requestStart)",
				median(page.label(true, HTML_END_FROM_REQUEST)) / median(page.label(false, HTML_END_FROM_REQUEST)));
		ratio(page.name() + ": hints ÷ hints off (network complete)",
				median(page.label(true, NETWORK_COMPLETE)) / median(page.label(false, NETWORK_COMPLETE)));
		check(page.name() + ": Chromium received a 103 (firstInterimResponseStart > 0)",
				hintRuns > 0 && with103 == hintRuns, with103 + " of " + hintRuns + " loads");
		check(page.name() + ": Chromium requested the hinted resources before the HTML finished",
				hintRuns > 0 && earlyResources.min() >= page.resources(),
				"in every load, " + Report.format(earlyResources.min()) + " to " + Report.format(earlyResources.max())
						+ " of " + page.resources()
						+ " resources requested before the HTML response ended (Chromium's net log); Resource Timing initiator types "
						+ initiators);
	}

}
