package io.github.h2push.bench.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
		List<String> order = List.of(WITHOUT_PLAIN, WITH_PLAIN, WITHOUT_PLAIN_AGAIN);
		for (int fork = 0; fork < forks; fork++) {
			// each set starts, warms and first measures another JVM: a JVM's place in the order showed in its speed
			List<String> rotated = new ArrayList<>(order);
			Collections.rotate(rotated, -fork);
			Map<String, String> variants = new LinkedHashMap<>();
			List<Server> started = new ArrayList<>();
			try {
				for (String variant : rotated) {
					Server server = this.servers.plain(PlainApp.BOOT4, variant, variant.equals(WITH_PLAIN));
					started.add(server);
					variants.put(variant, server.url("/plain"));
				}
				requestsPerSecond(variants, runs);
			}
			finally {
				// idle JVMs would share the cores with the figures that follow
				started.forEach(this.servers::stop);
			}
		}
		ratio("with h2-push ÷ without, route without hints (Tomcat 11; " + forks
				+ " sets of JVMs, median of the runs' ratios)", pairedRatio(WITH_PLAIN, WITHOUT_PLAIN), 0.97, false);
		ratio("a second JVM without h2-push ÷ the first: the spread between JVMs (median of the runs' ratios)",
				pairedRatio(WITHOUT_PLAIN_AGAIN, WITHOUT_PLAIN));
		ratio("with h2-push ÷ without: server CPU per request, without ÷ with", cpuRatio(WITH_PLAIN, WITHOUT_PLAIN));
		ratio("a second JVM without h2-push ÷ the first: server CPU per request, first ÷ second",
				cpuRatio(WITHOUT_PLAIN_AGAIN, WITHOUT_PLAIN));
	}

}
