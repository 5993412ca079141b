package io.github.h2push.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * P7: learned Early Hints ({@code h2-push.learn.enabled=true}). (a) Headless Chromium on
 * P2's link loads P6a's typical page twice over: declared ({@code /typical}, the shared
 * app) and undeclared on an app that learns ({@code /typical-learned}, after a few
 * warm-up loads have taught it). (b) The cost of learning in requests/s with h2load on
 * P3's routes, learning on against off, on sets of fresh JVMs with a second JVM without
 * learning as the control.
 */
final class P7LearnedHints extends Figure {

	static final String DECLARED = "P7a typical page: declared hints, load event";

	static final String LEARNED = "P7a typical page: learned hints, load event";

	static final String DECLARED_HTML_END = "P7a typical page: declared hints, HTML response end − requestStart";

	static final String LEARNED_HTML_END = "P7a typical page: learned hints, HTML response end − requestStart";

	static final String OFF = "P7b learning off";

	static final String ON = "P7b learning on";

	static final String OFF_AGAIN = "P7b a second JVM, learning off";

	static final String OFF_HINTED = OFF + ", /hinted";

	static final String ON_HINTED = ON + ", /hinted";

	static final String OFF_AGAIN_HINTED = OFF_AGAIN + ", /hinted";

	static final String OFF_PLAIN = OFF + ", /plain";

	static final String ON_PLAIN = ON + ", /plain";

	P7LearnedHints(FigureContext context) {
		super("P7", context);
	}

	@Override
	void run() throws Exception {
		Server declared = ours();
		Server learning = this.servers.ours("h2-push-learn", "h2-push.learn.enabled=true");
		warmJava(declared);
		warmJava(learning);
		teach(learning);
		browser(declared, learning);
		// the browser's JVMs would share the cores with the requests/s runs
		this.servers.stop(learning);
		overhead();
	}

	// no Sec-Fetch headers: nghttp's loads count as navigations, so the first one teaches
	private void teach(Server learning) throws IOException {
		require("nghttp");
		for (int i = 0; i < 5; i++) {
			Nghttp.load(learning.url("/typical-learned"), false);
		}
	}

	private void browser(Server declared, Server learning) throws Exception {
		Path browserDir = P6Browser.browserDir(this.options);
		try (DelayProxy declaredProxy = slowLink(declared.port());
				DelayProxy learnedProxy = slowLink(learning.port())) {
			String variants = String.format(Locale.ROOT,
					"{\"name\":\"declared\",\"url\":\"https://127.0.0.1:%d/typical\"},"
							+ "{\"name\":\"learned\",\"url\":\"https://127.0.0.1:%d/typical-learned\"}",
					declaredProxy.port(), learnedProxy.port());
			String config = String.format(Locale.ROOT,
					"{\"runs\":%d,\"spki\":\"%s\",\"netlog\":\"%s\",\"variants\":[%s]}", this.options.p6Runs() + 1,
					this.workspace.spkiHash(), this.workspace.dir().resolve("netlog-p7.json"), variants);
			Command.Result result = Command.run(List.of("node", browserDir.resolve("p6.mjs").toString(), config), 900);
			if (result.exitCode() != 0) {
				throw new IOException("the browser run failed: " + result.output());
			}
			int learnedRuns = 0;
			int learnedWith103 = 0;
			for (String line : result.output().split("\n")) {
				Matcher matcher = P6Browser.BROWSER_RUN.matcher(line);
				if (!matcher.find() || line.contains(" run=1 ")) {
					continue; // the first run of each variant warms the browser up
				}
				boolean learned = matcher.group(1).equals("learned");
				double load = Double.parseDouble(matcher.group(2));
				double requestStart = Double.parseDouble(matcher.group(3));
				stats(learned ? LEARNED : DECLARED, "ms").add(load);
				stats(learned ? LEARNED_HTML_END : DECLARED_HTML_END, "ms")
					.add(Double.parseDouble(matcher.group(4)) - requestStart);
				if (learned) {
					learnedRuns++;
					learnedWith103 += (Double.parseDouble(matcher.group(5)) > 0) ? 1 : 0;
				}
			}
			ratio("P7a learned ÷ declared (load event)", median(LEARNED) / median(DECLARED), 1.05, true);
			ratio("P7a learned ÷ declared (HTML response end − requestStart)",
					median(LEARNED_HTML_END) / median(DECLARED_HTML_END));
			check("P7a: Chromium received a 103 for the learned page in every load",
					learnedRuns > 0 && learnedWith103 == learnedRuns, learnedWith103 + " of " + learnedRuns + " loads");
		}
	}

	// each JVM's JIT settles differently (P3-Boot4): sets of fresh JVMs, with a second JVM of
	// the app without learning as the control
	private void overhead() throws Exception {
		require("h2load");
		int sets = requestsPerSecondOnJvmSets(List.of(OFF, ON, OFF_AGAIN), (app, set) -> app.equals(ON)
				? this.servers.plainBench("h2-push-p7b-learn-" + set, "h2-push.learn.enabled=true")
				: this.servers.plainBench("h2-push-p7b-" + (app.equals(OFF) ? "off-" : "off-again-") + set),
				(app) -> app.equals(OFF_AGAIN) ? Map.of(app + ", /hinted", "/hinted")
						: orderedMap(app + ", /hinted", "/hinted", app + ", /plain", "/plain"));
		ratio("P7b learning on ÷ off, /hinted (P3's push route) (" + sets + " sets of JVMs, median of the runs' ratios)",
				pairedRatio(ON_HINTED, OFF_HINTED), 0.97, false);
		ratio("P7b learning on ÷ off, /plain (median of the runs' ratios)", pairedRatio(ON_PLAIN, OFF_PLAIN));
		ratio("P7b a second JVM with learning off ÷ the first, /hinted: the spread between JVMs (median of the runs' "
				+ "ratios)", pairedRatio(OFF_AGAIN_HINTED, OFF_HINTED));
		ratio("P7b learning on ÷ off, /hinted: server CPU per request, off ÷ on", cpuRatio(ON_HINTED, OFF_HINTED));
		ratio("P7b learning on ÷ off, /plain: server CPU per request, off ÷ on", cpuRatio(ON_PLAIN, OFF_PLAIN));
		ratio("P7b a second JVM with learning off ÷ the first, /hinted: server CPU per request, first ÷ second",
				cpuRatio(OFF_AGAIN_HINTED, OFF_HINTED));
	}

	private static Map<String, String> orderedMap(String key1, String value1, String key2, String value2) {
		Map<String, String> map = new LinkedHashMap<>();
		map.put(key1, value1);
		map.put(key2, value2);
		return map;
	}

}
