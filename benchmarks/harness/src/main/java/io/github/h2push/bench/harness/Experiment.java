package io.github.h2push.bench.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * Departures from the recorded set-up, for experiments; all off by default.
 *
 * @param linkBuffer bytes a rate-limited link holds before the proxy stops reading (0:
 * no limit)
 * @param proxySocketBuffer the proxy's receive buffer towards the server (0: the
 * system's)
 * @param appArgs extra arguments for every benchmark app the harness starts
 * @param commentScripts P2's scripts are one comment each (same sizes, nothing for the
 * browser in P6 to run)
 * @param warmLoads page loads, each on a new connection, with which the JVM apps of P1,
 * P2, P6, P7a and P6a-Boot4 are warmed up (0: {@link Figure#WARM_UP_LOADS}; smoke runs
 * always make 10)
 */
record Experiment(long linkBuffer, int proxySocketBuffer, List<String> appArgs, boolean commentScripts,
		int warmLoads) {

	boolean any() {
		return this.linkBuffer > 0 || this.proxySocketBuffer > 0 || !this.appArgs.isEmpty() || this.commentScripts
				|| this.warmLoads > 0;
	}

	@Override
	public String toString() {
		List<String> parts = new ArrayList<>();
		if (this.linkBuffer > 0) {
			parts.add("link buffer " + this.linkBuffer + " bytes");
		}
		if (this.proxySocketBuffer > 0) {
			parts.add("proxy receive buffer " + this.proxySocketBuffer + " bytes");
		}
		if (!this.appArgs.isEmpty()) {
			parts.add("app arguments " + this.appArgs);
		}
		if (this.commentScripts) {
			parts.add("P2's scripts are comments (matters to P6's browser)");
		}
		if (this.warmLoads > 0) {
			parts.add(this.warmLoads + " page loads on new connections to warm each JVM app of P1, P2, P6, P7a and"
					+ " P6a-Boot4 (10 in a smoke run)");
		}
		return String.join(", ", parts);
	}

}
