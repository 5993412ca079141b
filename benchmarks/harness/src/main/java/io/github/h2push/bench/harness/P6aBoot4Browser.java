package io.github.h2push.bench.harness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.h2push.bench.harness.Servers.Server;

/**
 * P6a-Boot4: P6a on the Spring Boot 4 line. Headless Chromium on P2's link (50 ms RTT,
 * 20 Mbit/s) loads the typical page ({@code /typical}: a controller that takes 100 ms,
 * 120 KB of render-blocking stylesheet, script and font) from the Spring Boot 4 app on
 * Tomcat 11 with the starter, with its 103 Early Hints against the same app with
 * {@code h2-push.early-hints.enabled=false}. The app's code knows nothing of h2-push, so
 * the page's resources are declared in configuration ({@code h2-push.routes}), for both.
 */
final class P6aBoot4Browser extends P6Browser {

	static final String BOOT4_HINTS = "Boot 4 + Tomcat 11, h2-push, 103 Early Hints + preload";

	static final String EARLY_HINTS_OFF = "same app, early hints off (preload links on)";

	/** The typical page's resources, as {@code /typical} on the Spring Boot 3.5 app declares them. */
	static final String TYPICAL_RESOURCES = "/p6a/style.css,/p6a/app.js,/fonts/body.woff2";

	private final List<Server> started = new ArrayList<>();

	P6aBoot4Browser(FigureContext context) {
		super("P6a-Boot4", context, List.of(new Page("P6a typical page", "/typical",
				Workspace.P6A_ASSETS.size() + 1, 0.80, BOOT4_HINTS, EARLY_HINTS_OFF)));
	}

	@Override
	void run() throws Exception {
		try {
			super.run();
		}
		finally {
			// idle JVMs would share the cores with the figures that follow
			for (Server server : this.started) {
				this.servers.stop(server);
			}
			this.started.clear();
		}
	}

	@Override
	protected Server hinted() throws IOException {
		return start("Boot 4 app with h2-push");
	}

	@Override
	protected Server notHinted() throws IOException {
		return start("Boot 4 app with h2-push, early hints off", "h2-push.early-hints.enabled=false");
	}

	private Server start(String name, String... properties) throws IOException {
		List<String> all = new ArrayList<>(List.of(
				"spring.web.resources.static-locations=file:" + this.workspace.docroot() + "/",
				"h2-push.routes[0].pattern=/typical", "h2-push.routes[0].resources=" + TYPICAL_RESOURCES));
		all.addAll(List.of(properties));
		Server server = this.servers.plain(PlainApp.BOOT4, name, true, all.toArray(String[]::new));
		this.started.add(server);
		return server;
	}

	/** JIT warm-up on the routes and assets this figure uses. */
	@Override
	protected void warm(Server server) {
		boolean smoke = this.options.smoke();
		if (Command.exists("h2load")) {
			for (String path : List.of("/plain", "/p6a/style.css", "/p6a/app.js", "/fonts/body.woff2")) {
				H2load.run(server.url(path), smoke ? 1_000 : 10_000, 4, 4);
			}
		}
		if (Command.exists("nghttp")) {
			// new connections on a route that answers at once; then the page itself
			warmNewConnections(server, "/plain");
			for (int i = 0; i < (smoke ? 2 : 10); i++) {
				Nghttp.load(server.url("/typical"), true);
			}
		}
	}

}
