package io.github.h2push.bench.harness;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * P3: h2-push's overhead in requests/s on loopback, measured with h2load (which refuses
 * push): the plain app with and without the starter, and the push route against a plain
 * route, beside what the push route's {@code Link} headers cost an app without the starter,
 * and what an application's own {@code Link} headers cost one with it.
 */
final class P3Overhead extends Figure {

	static final String WITHOUT_PLAIN = "app without h2-push, /plain";

	static final String WITH_PLAIN = "same app with h2-push, /plain";

	static final String WITH_LINKED = "same app with h2-push, /linked (its own three Link headers)";

	static final String WITHOUT_PLAIN_AGAIN = "a second JVM of the app without h2-push, /plain";

	static final String WITHOUT_LINKED = "app without h2-push, /linked (/hinted's three Link headers, set by the app)";

	static final String BENCH_PLAIN = "bench app, /plain";

	static final String BENCH_HINTED = "bench app, /hinted (push route, hint fallback)";

	static final String ALWAYS_103_HINTED = "bench app with a 103 on every route, /hinted";

	static final String HINTS_OFF_HINTED = "bench app with hints off, /hinted";

	P3Overhead(FigureContext context) {
		super("P3", context);
	}

	@Override
	void run() throws Exception {
		require("h2load");
		Server without = this.servers.plain(PlainApp.BOOT3, "plain app without h2-push", false);
		Server with = this.servers.plain(PlainApp.BOOT3, "plain app with h2-push", true);
		Server secondWithout = this.servers.plain(PlainApp.BOOT3, "second plain app without h2-push", false);
		try {
			measure(without, with, secondWithout);
		}
		finally {
			// idle JVMs would share the cores with the figures that follow
			this.servers.stop(without);
			this.servers.stop(with);
			this.servers.stop(secondWithout);
		}
	}

	private void measure(Server without, Server with, Server secondWithout) throws Exception {
		Server ours = ours();
		Server hintsOff = hintsOff();
		// the default sends no 103 to a route that answers at once; this one sends it anyway
		Server always103 = this.servers.plainBench("h2-push-always-103", "h2-push.early-hints.min-response-time=0");
		Map<String, String> variants = new LinkedHashMap<>();
		// each pair measured side by side: /linked with the plain route, which stays next to the app with h2-push
		variants.put(WITHOUT_LINKED, without.url("/linked"));
		variants.put(WITHOUT_PLAIN, without.url("/plain"));
		variants.put(WITH_PLAIN, with.url("/plain"));
		variants.put(WITH_LINKED, with.url("/linked"));
		variants.put(BENCH_PLAIN, ours.url("/plain"));
		variants.put(BENCH_HINTED, ours.url("/hinted"));
		variants.put(HINTS_OFF_HINTED, hintsOff.url("/hinted"));
		variants.put(ALWAYS_103_HINTED, always103.url("/hinted"));
		variants.put(WITHOUT_PLAIN_AGAIN, secondWithout.url("/plain"));
		try {
			requestsPerSecond(variants);
		}
		finally {
			this.servers.stop(always103);
		}
		ratio("with h2-push ÷ without, route without @PushResources (median of the runs' ratios)",
				pairedRatio(WITH_PLAIN, WITHOUT_PLAIN), 0.97, false);
		ratio("push route (Link headers; a 103 only for a slow route) ÷ plain route (median of the runs' ratios)",
				pairedRatio(BENCH_HINTED, BENCH_PLAIN), 0.98, false);
		// what the Link headers themselves cost with no h2-push at all: the part of P3 (b) no hint can avoid
		ratio("the same three Link headers set by an app without h2-push ÷ its plain route: P3 (b)'s floor (median of "
				+ "the runs' ratios)", pairedRatio(WITHOUT_LINKED, WITHOUT_PLAIN));
		// what an application's own Link headers cost with h2-push watching them for a client that refuses push
		ratio("the application's own three Link headers ÷ its plain route, with h2-push (median of the runs' ratios)",
				pairedRatio(WITH_LINKED, WITH_PLAIN));
		ratio("push route with hints off (no 103, no Link) ÷ plain route (median of the runs' ratios)",
				pairedRatio(HINTS_OFF_HINTED, BENCH_PLAIN));
		ratio("push route with a 103 on every route (min-response-time 0) ÷ plain route (median of the runs' ratios)",
				pairedRatio(ALWAYS_103_HINTED, BENCH_PLAIN));
		ratio("a second JVM without h2-push ÷ the first: the spread between JVMs (median of the runs' ratios)",
				pairedRatio(WITHOUT_PLAIN_AGAIN, WITHOUT_PLAIN));
		ratio("with h2-push ÷ without, route without @PushResources: server CPU per request, without ÷ with",
				cpuRatio(WITH_PLAIN, WITHOUT_PLAIN));
		ratio("push route ÷ plain route: server CPU per request, plain ÷ push", cpuRatio(BENCH_HINTED, BENCH_PLAIN));
		ratio("a second JVM without h2-push ÷ the first: server CPU per request, first ÷ second",
				cpuRatio(WITHOUT_PLAIN_AGAIN, WITHOUT_PLAIN));
	}

}
