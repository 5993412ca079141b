package io.github.h2push.actuate;

import io.github.h2push.undertow.UndertowListeners;

import org.springframework.boot.web.server.WebServer;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * What the application's web server really does, read from the server once it has
 * started (not from properties): which server it is, whether its port serves TLS and
 * HTTP/2, and so whether pushes can happen. Told of the application's server (not a
 * management server on a port of its own) by a listener of the Spring Boot line in use.
 *
 * @since 0.1.0
 */
public class RunningServer {

	// h2-push's Undertow adapter, which reads Undertow's listeners, with Undertow itself
	private static final boolean UNDERTOW_PRESENT = ClassUtils.isPresent("io.undertow.Undertow",
			RunningServer.class.getClassLoader())
			&& ClassUtils.isPresent("io.github.h2push.undertow.UndertowListeners", RunningServer.class.getClassLoader());

	private final boolean developmentCertificate;

	private final boolean pushSupported;

	private volatile Facts facts = new Facts("not started", null, null, false, false);

	/**
	 * Creates an instance that learns the facts when the server starts.
	 * @param developmentCertificate whether h2-push configured its development
	 * certificate, because the application has no SSL of its own
	 * @param pushSupported whether this Undertow version can push (it has the internals
	 * h2-push needs to push)
	 */
	public RunningServer(boolean developmentCertificate, boolean pushSupported) {
		this.developmentCertificate = developmentCertificate;
		this.pushSupported = pushSupported;
	}

	/**
	 * Reads the facts of the application's web server, once it has started.
	 * @param webServer the server
	 */
	public void started(WebServer webServer) {
		this.facts = read(webServer);
	}

	/**
	 * The facts, as read when the server started.
	 * @return the facts
	 */
	public Facts getFacts() {
		return this.facts;
	}

	private Facts read(WebServer webServer) {
		String name = name(webServer);
		UndertowListeners.Listener listener = UNDERTOW_PRESENT ? UndertowListeners.read(webServer) : null;
		if (listener == null) {
			return new Facts(name, null, null, false, false);
		}
		boolean http2 = Boolean.TRUE.equals(listener.http2());
		return new Facts(name, listener.tls(), listener.http2(), listener.tls() && this.developmentCertificate,
				http2 && this.pushSupported);
	}

	private static String name(WebServer webServer) {
		String name = webServer.getClass().getSimpleName();
		for (String server : new String[] { "Undertow", "Tomcat", "Jetty", "Netty" }) {
			if (name.startsWith(server)) {
				return server;
			}
		}
		return webServer.getClass().getName();
	}

	/**
	 * What the running server does.
	 *
	 * @param webServer the server: {@code Undertow}, {@code Tomcat}, {@code Jetty},
	 * {@code Netty}, another server's class name, or {@code not started}
	 * @param tls whether the server's port serves TLS, {@code null} when unknown (not
	 * Undertow, or not started)
	 * @param http2 whether HTTP/2 is on (h2 over TLS, h2c without), {@code null} when
	 * unknown
	 * @param developmentCertificate whether TLS uses h2-push's generated development
	 * certificate
	 * @param push whether pushes can happen: Undertow with HTTP/2 on and a supported
	 * version. Each client still decides whether it takes them.
	 */
	public record Facts(String webServer, @Nullable Boolean tls, @Nullable Boolean http2,
			boolean developmentCertificate, boolean push) {
	}

}
