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

	static final String WITHOUT_PLAIN_AGAIN = "Boot 4 app without h2-push, /plain, measured again";

	P3Boot4Overhead(FigureContext context) {
		super("P3-Boot4", context);
	}

	@Override
	void run() throws Exception {
		require("h2load");
		Server without = this.servers.plain(PlainApp.BOOT4, "Boot 4 app without h2-push", false);
		Server with = this.servers.plain(PlainApp.BOOT4, "Boot 4 app with h2-push", true);
		try {
			Map<String, String> variants = new LinkedHashMap<>();
			variants.put(WITHOUT_PLAIN, without.url("/plain"));
			variants.put(WITH_PLAIN, with.url("/plain"));
			variants.put(WITHOUT_PLAIN_AGAIN, without.url("/plain"));
			requestsPerSecond(variants);
			ratio("with h2-push ÷ without, route without hints (Tomcat 11) (median of the runs' ratios)",
					pairedRatio(WITH_PLAIN, WITHOUT_PLAIN), 0.97, false);
			ratio("without ÷ without measured again: the run's stray from 1 (median of the runs' ratios)",
					pairedRatio(WITHOUT_PLAIN_AGAIN, WITHOUT_PLAIN));
		}
		finally {
			// idle JVMs would share the cores with the figures that follow
			this.servers.stop(without);
			this.servers.stop(with);
		}
	}

}
