package io.github.h2push.undertow;

import java.util.ArrayList;
import java.util.List;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts Undertow servers that speak HTTP/2 without TLS for a test, and stops them after
 * it: {@code @RegisterExtension final H2cServers servers = new H2cServers();}.
 */
final class H2cServers implements AfterEachCallback {

	private final List<Undertow> started = new ArrayList<>();

	/**
	 * Starts a server with the handler on a free port of 127.0.0.1.
	 * @return the port
	 */
	int start(HttpHandler handler) {
		Undertow server = Http2Frames.startServer(handler);
		this.started.add(server);
		return Http2Frames.port(server);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.started.forEach(Undertow::stop);
		this.started.clear();
	}

}
