package io.github.h2push.undertow;

import java.net.InetSocketAddress;
import java.util.List;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.OpenListener;

import org.springframework.boot.web.embedded.undertow.UndertowWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.lang.Nullable;

/**
 * Reads what a started Undertow server really serves on its port: HTTPS or HTTP
 * ({@link Undertow.ListenerInfo}), and whether HTTP/2 is on
 * ({@link UndertowOptions#ENABLE_HTTP2} of the listener's open listener, a private
 * field; unknown when this Undertow version lacks it).
 *
 * @since 0.1.0
 */
public final class UndertowListeners {

	private UndertowListeners() {
	}

	/**
	 * Reads the listener on the server's port.
	 * @param webServer a started web server
	 * @return what its listener serves, or {@code null} when it is not a started
	 * Undertow server
	 */
	@Nullable
	public static Listener read(WebServer webServer) {
		if (!(webServer instanceof UndertowWebServer undertowWebServer)) {
			return null;
		}
		Undertow undertow = undertowWebServer.getUndertow();
		List<Undertow.ListenerInfo> listeners = (undertow != null) ? undertow.getListenerInfo() : List.of();
		if (listeners.isEmpty()) {
			return null;
		}
		Undertow.ListenerInfo listener = listeners.stream()
			.filter((info) -> info.getAddress() instanceof InetSocketAddress address
					&& address.getPort() == webServer.getPort())
			.findFirst()
			.orElse(listeners.get(0));
		return new Listener("https".equals(listener.getProtcol()), http2(listener));
	}

	@Nullable
	private static Boolean http2(Undertow.ListenerInfo listener) {
		OpenListener openListener = UndertowInternals.get().openListener(listener);
		if (openListener == null) {
			return null;
		}
		try {
			return openListener.getUndertowOptions().get(UndertowOptions.ENABLE_HTTP2, false);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * What a listener serves.
	 *
	 * @param tls whether it serves HTTPS
	 * @param http2 whether HTTP/2 is on (h2 by ALPN over TLS, h2c without), or
	 * {@code null} when this Undertow version does not let it be read
	 */
	public record Listener(boolean tls, @Nullable Boolean http2) {
	}

}
