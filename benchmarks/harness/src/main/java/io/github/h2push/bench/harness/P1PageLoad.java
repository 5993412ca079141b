package io.github.h2push.bench.harness;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * P1: the sample page at 50 ms RTT, push vs no push, against nginx, H2O and Apache:
 * the sample app itself (Spring Security, Thymeleaf, versioned URLs, cache digest) and
 * the benchmark app's copy of its page, both pushing the same three files.
 */
final class P1PageLoad extends Figure {

	static final String H2_PUSH = "h2-push";

	static final String SAMPLE = "h2-push sample app";

	static final String NGINX = "nginx";

	static final String H2O = "H2O";

	static final String APACHE = "Apache";

	P1PageLoad(FigureContext context) {
		super("P1", context);
	}

	static final String PAGE_ALONE = ", the page alone (HTML only, no push)";

	/** The row of {@code server} with or without push, e.g. "nginx, push". */
	static String variant(String server, boolean push) {
		return server + (push ? ", push" : ", no push");
	}

	@Override
	void run() throws Exception {
		require("nghttp");
		Server ours = ours();
		Map<String, Server> servers = new LinkedHashMap<>();
		servers.put(H2_PUSH, ours);
		Server sample = this.servers.sample();
		servers.put(SAMPLE, sample);
		addPeer(servers, NGINX, () -> this.servers.nginx(ours.port()));
		addPeer(servers, H2O, this.servers::h2o);
		addPeer(servers, APACHE, this.servers::apache);
		warmJava(ours);
		warmJava(sample);
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
						Nghttp.Load load = Nghttp.load("https://127.0.0.1:" + proxy.getValue().port() + "/", push);
						record(variant(proxy.getKey(), push), load, 4, push ? 3 : 0);
					}
					if (proxy.getKey().equals(SAMPLE) || proxy.getKey().equals(NGINX)) {
						// what the page costs before anything is pushed: the floor of a push load
						record(proxy.getKey() + PAGE_ALONE,
								Nghttp.page("https://127.0.0.1:" + proxy.getValue().port() + "/"), 1, 0);
					}
				}
			}
		}
		finally {
			closeAll(proxies.values());
		}
		double ours1 = median(variant(H2_PUSH, true));
		double sample1 = median(variant(SAMPLE, true));
		ratio("sample app push ÷ RTT (50 ms)", sample1 / RTT_MS, 1.10, true);
		ratio("sample app push ÷ nginx push", sample1 / median(variant(NGINX, true)), 1.05, true);
		double samplePage = median(SAMPLE + PAGE_ALONE);
		ratio("sample app, the page alone ÷ nginx push (page and three pushes)",
				samplePage / median(variant(NGINX, true)));
		ratio("sample app, the page alone ÷ RTT (50 ms)", samplePage / RTT_MS);
		ratio("sample app, the page alone ÷ nginx, the page alone", samplePage / median(NGINX + PAGE_ALONE));
		ratio("h2-push push ÷ RTT (50 ms)", ours1 / RTT_MS);
		ratio("h2-push push ÷ nginx push", ours1 / median(variant(NGINX, true)));
		for (String server : servers.keySet()) {
			ratio(server + ": push ÷ no push", median(variant(server, true)) / median(variant(server, false)));
		}
	}

	/** Starts a peer if it is installed; if not, or if it does not start, P1 is not produced. */
	private void addPeer(Map<String, Server> servers, String peer, PeerStarter starter) {
		String program = switch (peer) {
			case NGINX -> "nginx";
			case H2O -> "h2o";
			default -> "apache2";
		};
		if (!Command.exists(program)) {
			this.report.missing(name() + " " + peer, program + " is not installed (apt-get install " + program + ")");
			this.report.missing(name(), "peer " + peer + " missing");
			return;
		}
		try {
			servers.put(peer, starter.start());
		}
		catch (IOException ex) {
			this.report.missing(name(), peer + " did not start: " + ex.getMessage());
		}
	}

	@FunctionalInterface
	private interface PeerStarter {

		Server start() throws IOException;

	}

}
