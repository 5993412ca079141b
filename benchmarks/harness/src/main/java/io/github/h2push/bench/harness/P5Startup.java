package io.github.h2push.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * P5: startup time of the plain app with and without h2-push, to listening and to the
 * first HTTP/2 response; P5-Boot4 the same with the Spring Boot 4 app on Tomcat 11.
 */
final class P5Startup extends Figure {

	static final String WITH_H2_PUSH = "same app with h2-push";

	static final String WITHOUT_H2_PUSH = "app without h2-push";

	static final String TO_FIRST_RESPONSE = ", start to first HTTP/2 response";

	static final String TO_LISTENING = ", start to listening";

	static final String CPU_TO_FIRST_RESPONSE = ", CPU time until the first HTTP/2 response";

	private final PlainApp app;

	P5Startup(String name, FigureContext context, PlainApp app) {
		super(name, context);
		this.app = app;
	}

	@Override
	void run() throws Exception {
		PushDriver client = new PushDriver(this.workspace.cert());
		if (!this.options.smoke()) {
			// one start of each first, not counted (file cache, class data sharing archive)
			startPlain(false, client);
			startPlain(true, client);
		}
		for (int run = 0; run < this.options.p5Runs(); run++) {
			// alternate which starts first, so neither always follows the other
			for (boolean withH2Push : (run % 2 == 0) ? new boolean[] { false, true } : new boolean[] { true, false }) {
				String variant = withH2Push ? WITH_H2_PUSH : WITHOUT_H2_PUSH;
				double[] times = startPlain(withH2Push, client);
				sample(variant + TO_FIRST_RESPONSE, "ms", times[1]);
				sample(variant + TO_LISTENING, "ms", times[0]);
				if (!Double.isNaN(times[2])) {
					sample(variant + CPU_TO_FIRST_RESPONSE, "ms", times[2]);
				}
			}
		}
		// each run's two starts, one right after the other, see nearly the same machine
		ratio("with h2-push ÷ without, to first HTTP/2 response (median of the runs' ratios)",
				pairedRatio(WITH_H2_PUSH + TO_FIRST_RESPONSE, WITHOUT_H2_PUSH + TO_FIRST_RESPONSE), 1.05, true);
		ratio("with h2-push ÷ without, to listening (median of the runs' ratios)",
				pairedRatio(WITH_H2_PUSH + TO_LISTENING, WITHOUT_H2_PUSH + TO_LISTENING), 1.05, true);
		ratio("with h2-push ÷ without, to first HTTP/2 response (ratio of medians)",
				median(WITH_H2_PUSH + TO_FIRST_RESPONSE) / median(WITHOUT_H2_PUSH + TO_FIRST_RESPONSE));
		ratio("with h2-push ÷ without, CPU time until the first HTTP/2 response, all threads (median of the runs' "
				+ "ratios)", pairedRatio(WITH_H2_PUSH + CPU_TO_FIRST_RESPONSE, WITHOUT_H2_PUSH + CPU_TO_FIRST_RESPONSE));
	}

	/**
	 * Starts the plain app: milliseconds until its port accepts connections, until it
	 * answered {@code GET /plain} over HTTP/2 with TLS, and of CPU time its threads had
	 * used by then.
	 */
	private double[] startPlain(boolean withH2Push, PushDriver client) throws IOException, InterruptedException {
		int port = Workspace.freePort();
		Path log = this.workspace.dir().resolve(name().toLowerCase(Locale.ROOT) + ".log");
		try (Launched process = Launched.start("plain app", this.servers.plainCommand(this.app, port, withH2Push),
				log)) {
			long listening = process.awaitPort(port, 60_000);
			long answered = client.firstAnswer(port, "/plain", 30_000);
			long ticks = process.cpuTicks();
			return new double[] { (listening - process.startNanos()) / 1e6, (answered - process.startNanos()) / 1e6,
					(ticks >= 0) ? ticks * 10.0 : Double.NaN };
		}
	}

}
