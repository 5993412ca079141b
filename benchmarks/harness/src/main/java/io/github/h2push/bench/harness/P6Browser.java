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
 * P6: headless Chromium on P2's link loading {@code /think}, with 103 Early Hints and
 * preload links against the same app with hints off.
 */
final class P6Browser extends Figure {

	static final String HINTS = "h2-push, 103 Early Hints + preload";

	static final String HINTS_OFF = "same app, hints off";

	static final String LOAD_EVENT = ", load event";

	static final String LOAD_EVENT_FROM_REQUEST = ", load event − requestStart";

	static final String HTML_END_FROM_REQUEST = ", HTML response end − requestStart";

	static final String NETWORK_COMPLETE = ", network complete (net log: page request to last resource)";

	private static final Pattern BROWSER_RUN = Pattern.compile(
			"RUN variant=(\\S+) run=\\d+ load=([\\d.]+) requestStart=([\\d.]+) responseEnd=([\\d.]+) interim=([\\d.]+) protocol=(\\S+) resources=(\\d+) early=(\\d+) initiators=(\\S+) network=(\\d+)");

	P6Browser(FigureContext context) {
		super("P6", context);
	}

	@Override
	void run() throws Exception {
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
		Server hints = ours();
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
				String variant = hinted ? HINTS : HINTS_OFF;
				double load = Double.parseDouble(matcher.group(2));
				stats(variant + LOAD_EVENT, "ms").add(load);
				double requestStart = Double.parseDouble(matcher.group(3));
				stats(variant + LOAD_EVENT_FROM_REQUEST, "ms").add(load - requestStart);
				stats(variant + HTML_END_FROM_REQUEST, "ms").add(Double.parseDouble(matcher.group(4)) - requestStart);
				stats(variant + NETWORK_COMPLETE, "ms").add(Double.parseDouble(matcher.group(10)));
				if (!matcher.group(6).equals("h2")) {
					note(variant + LOAD_EVENT, "protocol " + matcher.group(6));
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
			ratio("hints ÷ hints off (load event)", median(HINTS + LOAD_EVENT) / median(HINTS_OFF + LOAD_EVENT), 0.80,
					true);
			ratio("hints ÷ hints off (load event − requestStart: without connection setup)",
					median(HINTS + LOAD_EVENT_FROM_REQUEST) / median(HINTS_OFF + LOAD_EVENT_FROM_REQUEST));
			ratio("hints ÷ hints off (network complete)",
					median(HINTS + NETWORK_COMPLETE) / median(HINTS_OFF + NETWORK_COMPLETE));
			check("Chromium received a 103 (firstInterimResponseStart > 0)", hintRuns > 0 && with103 == hintRuns,
					with103 + " of " + hintRuns + " loads");
			check("Chromium requested the hinted resources before the HTML finished",
					hintRuns > 0 && earlyResources.min() >= Workspace.P2_ASSETS.size(),
					"in every load, " + Report.format(earlyResources.min()) + " to " + Report.format(earlyResources.max())
							+ " of " + Workspace.P2_ASSETS.size()
							+ " resources requested before the HTML response ended (Chromium's net log); Resource Timing initiator types "
							+ initiators);
		}
	}

}
