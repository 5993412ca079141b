package io.github.h2push.bench.harness;

import java.util.List;
import java.util.Map;

/**
 * P3-Boot4: the Spring Boot 4 starter's overhead in requests/s on loopback, measured
 * with h2load: {@code /plain} on the Spring Boot 4 app (Tomcat 11) packaged with the
 * starter's jars against the same app without them.
 */
final class P3Boot4Overhead extends Figure {

	static final String WITHOUT_PLAIN = "Boot 4 app without h2-push, /plain";

	static final String WITH_PLAIN = "same Boot 4 app with h2-push, /plain";

	static final String WITHOUT_PLAIN_AGAIN = "a second JVM of the Boot 4 app without h2-push, /plain";

	P3Boot4Overhead(FigureContext context) {
		super("P3-Boot4", context);
	}

	@Override
	void run() throws Exception {
		require("h2load");
		// two JVMs of nearly the same app (one with h2-push's auto-configuration excluded) measured 0.894 of
		// each other after warming: each JVM's JIT settles differently, so the runs use several sets of JVMs
		int sets = requestsPerSecondOnJvmSets(List.of(WITHOUT_PLAIN, WITH_PLAIN, WITHOUT_PLAIN_AGAIN),
				(app, set) -> this.servers.plain(PlainApp.BOOT4, app, app.equals(WITH_PLAIN)),
				(app) -> Map.of(app, "/plain"));
		ratio("with h2-push ÷ without, route without hints (Tomcat 11; " + sets
				+ " sets of JVMs, median of the runs' ratios)", pairedRatio(WITH_PLAIN, WITHOUT_PLAIN), 0.97, false);
		ratio("a second JVM without h2-push ÷ the first: the spread between JVMs (median of the runs' ratios)",
				pairedRatio(WITHOUT_PLAIN_AGAIN, WITHOUT_PLAIN));
		ratio("with h2-push ÷ without: server CPU per request, without ÷ with", cpuRatio(WITH_PLAIN, WITHOUT_PLAIN));
		ratio("a second JVM without h2-push ÷ the first: server CPU per request, first ÷ second",
				cpuRatio(WITHOUT_PLAIN_AGAIN, WITHOUT_PLAIN));
	}

}
