package io.github.h2push.bench.harness;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * P2: a controller that thinks 100 ms and a page with 500 KB of assets, at 50 ms RTT and
 * 20 Mbit/s: h2-push pushing before the controller against nginx in front of the app.
 */
final class P2SlowLink extends Figure {

	static final double THINK_MS = 100;

	static final String PUSH_BEFORE_CONTROLLER = "h2-push, push before the controller";

	static final String NGINX_IN_FRONT = "nginx in front, http2_push_preload";

	static final String CLIENT_REFUSES_PUSH = "h2-push, client refuses push";

	P2SlowLink(FigureContext context) {
		super("P2", context);
	}

	@Override
	void run() throws Exception {
		require("nghttp");
		Server ours = ours();
		Map<String, DelayProxy> proxies = new LinkedHashMap<>();
		proxies.put(PUSH_BEFORE_CONTROLLER, slowLink(ours.port()));
		boolean nginx = Command.exists("nginx");
		if (nginx) {
			this.servers.nginx(ours.port());
			proxies.put(NGINX_IN_FRONT, slowLink(this.servers.nginxFrontPort()));
		}
		else {
			this.report.missing(name(), "nginx is not installed (apt-get install nginx)");
		}
		proxies.put(CLIENT_REFUSES_PUSH, slowLink(ours.port()));
		warmJava(ours);
		try {
			for (int run = 0; run < this.options.runs(); run++) {
				for (Map.Entry<String, DelayProxy> proxy : proxies.entrySet()) {
					boolean push = !proxy.getKey().equals(CLIENT_REFUSES_PUSH);
					Nghttp.Load load = Nghttp.load("https://127.0.0.1:" + proxy.getValue().port() + "/think", push);
					record(proxy.getKey(), load, 7, push ? 6 : 0);
				}
			}
		}
		finally {
			closeAll(proxies.values());
		}
		long bytes = this.workspace.p2Bytes();
		double transfer = bytes * 8.0 * 1000 / P2_BITS_PER_SECOND;
		double limit = Math.max(THINK_MS, transfer) + RTT_MS;
		double ours2 = median(PUSH_BEFORE_CONTROLLER);
		ratio(String.format(Locale.ROOT,
				"h2-push ÷ limit (max(100 ms think, %.0f ms for %d KB) + 50 ms RTT = %.0f ms)", transfer,
				bytes / 1024, limit), ours2 / limit, 1.10, true);
		if (nginx) {
			ratio("h2-push ÷ nginx in front", ours2 / median(NGINX_IN_FRONT), 0.80, true);
		}
		ratio("h2-push ÷ no push", ours2 / median(CLIENT_REFUSES_PUSH));
	}

}
