package io.github.h2push.bench.harness;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * P3-Boot4: the Spring Boot 4 starter's overhead in requests/s on loopback, measured
 * with h2load: {@code /plain} on the Spring Boot 4 app (Tomcat 11) packaged with the
 * starter's jars against the same app without them.
 */
final class P3Boot4Overhead extends Figure {

	static final String WITHOUT_PLAIN = "Boot 4 app without h2-push, /plain";

	static final String WITH_PLAIN = "same Boot 4 app with h2-push, /plain";

	static final String WITHOUT_PLAIN_AGAIN = "a second JVM of the Boot 4 app without h2-push, /plain";

	static final int FORKS = 3;

	P3Boot4Overhead(FigureContext context) {
		super("P3-Boot4", context);
	}

	@Override
	void run() throws Exception {
		require("h2load");
		// two JVMs of nearly the same app (one with h2-push's auto-configuration excluded) measured 0.894 of
		// each other after warming: each JVM's JIT settles differently, so the runs use several sets of JVMs
		int forks = this.options.smoke() ? 1 : FORKS;
		int runs = this.options.smoke() ? this.options.runs() : Math.max(1, this.options.runs() * 2 / FORKS);
		for (int fork = 0; fork < forks; fork++) {
			Server without = this.servers.plain(PlainApp.BOOT4, "Boot 4 app without h2-push", false);
			Server with = this.servers.plain(PlainApp.BOOT4, "Boot 4 app with h2-push", true);
			Server secondWithout = this.servers.plain(PlainApp.BOOT4, "second Boot 4 app without h2-push", false);
			try {
				Map<String, String> variants = new LinkedHashMap<>();
				variants.put(WITHOUT_PLAIN, without.url("/plain"));
				variants.put(WITH_PLAIN, with.url("/plain"));
				variants.put(WITHOUT_PLAIN_AGAIN, secondWithout.url("/plain"));
				requestsPerSecond(variants, runs);
			}
			finally {
				// idle JVMs would share the cores with the figures that follow
				this.servers.stop(without);
				this.servers.stop(with);
				this.servers.stop(secondWithout);
			}
		}
		ratio("with h2-push ÷ without, route without hints (Tomcat 11; " + forks
				+ " sets of JVMs, median of the runs' ratios)", pairedRatio(WITH_PLAIN, WITHOUT_PLAIN), 0.97, false);
		ratio("a second JVM without h2-push ÷ the first: the spread between JVMs (median of the runs' ratios)",
				pairedRatio(WITHOUT_PLAIN_AGAIN, WITHOUT_PLAIN));
	}

}
