package io.github.h2push.bench.harness;

import java.util.Locale;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * P4: sustained push on one connection, in pushes/s, and a check that every push of
 * every run was delivered.
 */
final class P4SustainedPush extends Figure {

	/** Page loads in flight at once, each until its pushes are complete: at most 24 pushed streams. */
	static final int IN_FLIGHT = 8;

	P4SustainedPush(FigureContext context) {
		super("P4", context);
	}

	@Override
	void run() throws Exception {
		// 8 pages in flight push up to 24 resources at once: more than one page's worth, which is
		// what the default per-connection limit allows. The server frees a pushed response's place
		// when its exchange completes, a moment after the driver has read its end, so the limit
		// has one page's worth more
		Server ours = this.servers.ours("h2-push-sustained",
				"h2-push.connection.max-pushed-responses-in-flight=" + ((IN_FLIGHT + 1) * 3));
		PushDriver driver = new PushDriver(this.workspace.cert());
		driver.run(ours.port(), 1_000_000_000L, this.options.smoke() ? 300 : 5_000, IN_FLIGHT);
		String variant = String.format(Locale.ROOT, "%,d loads on one connection, 3 pushes each", this.options.p4Loads());
		long n = 0;
		for (int run = 0; run < this.options.p4Runs(); run++) {
			PushDriver.Result result = driver.run(ours.port(), n, this.options.p4Loads(), IN_FLIGHT);
			n += this.options.p4Loads();
			System.out.printf(Locale.ROOT, "P4 run %d: %d loads (%d failed), %d/%d pushes delivered (%d failed), %.2f s%n",
					run + 1, result.loads(), result.failedLoads(), result.pushesDelivered(), result.pushesExpected(),
					result.pushesFailed(), result.seconds());
			stats(variant, "pushes/s").add(result.pushesPerSecond());
			boolean all = result.pushesDelivered() == result.pushesExpected() && result.failedLoads() == 0;
			check("run " + (run + 1) + ": all pushes delivered", all,
					String.format(Locale.ROOT, "%,d of %,d pushes delivered (server pushed %,d), %d failed loads, %.1f s%s",
							result.pushesDelivered(), result.pushesExpected(), result.serverPushed(),
							result.failedLoads(), result.seconds(),
							result.notPushed().isEmpty() ? "" : "; not pushed: " + result.notPushed()));
		}
	}

}
