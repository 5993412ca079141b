package io.github.h2push.undertow;

import java.io.IOException;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.OpenListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.xnio.Option;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.channels.AcceptingChannel;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.undertow.UndertowWebServer;
import org.springframework.context.ApplicationListener;

/**
 * Makes a started Undertow server answer a plain {@code http://} request on its HTTPS
 * port — with a redirect to {@code https://}, or a {@code 400} saying the port needs TLS
 * — instead of leaving the client waiting: Undertow 2.3 says nothing there. TLS
 * connections are handed to Undertow unchanged.
 * <p>
 * Undertow has no hook for this: the HTTPS listener's TCP server, TLS wrapper and open
 * listener are private fields (see {@code UndertowInternals}). When any is missing, the
 * server is left as it is.
 *
 * @since 0.1.0
 */
public class PlainHttpOnTlsPort implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(PlainHttpOnTlsPort.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null
				&& event.getWebServer() instanceof UndertowWebServer webServer && webServer.getUndertow() != null) {
			install(webServer.getUndertow());
		}
	}

	/**
	 * Answers plain HTTP on each HTTPS listener of a started server.
	 * @param undertow the server
	 * @return how many listeners now answer plain HTTP
	 */
	static int install(Undertow undertow) {
		UndertowInternals internals = UndertowInternals.get();
		if (!internals.supports(UndertowInternals.Feature.PLAIN_HTTP_ANSWER)) {
			return 0;
		}
		int installed = 0;
		for (Undertow.ListenerInfo listener : undertow.getListenerInfo()) {
			if ("https".equals(listener.getProtcol()) && install(listener, internals)) {
				installed++;
			}
		}
		return installed;
	}

	private static boolean install(Undertow.ListenerInfo listener, UndertowInternals internals) {
		AcceptingChannel<?> sslChannel = internals.acceptingChannel(listener);
		if (!internals.isSslChannel(sslChannel)) {
			return false;
		}
		AcceptingChannel<StreamConnection> server = internals.tcpServer(sslChannel);
		UndertowXnioSsl ssl = internals.ssl(listener);
		OpenListener openListener = internals.openListener(listener);
		Boolean cipherSuitesOrder = internals.useCipherSuitesOrder(sslChannel);
		try {
			if (server == null || ssl == null || openListener == null || cipherSuitesOrder == null) {
				throw new IllegalStateException("a listener member could not be read");
			}
			PlainHttpAnsweringListener answering = new PlainHttpAnsweringListener(server, ssl,
					sslOptions(sslChannel, cipherSuitesOrder), openListener);
			server.getAcceptSetter().set(answering);
			return true;
		}
		catch (RuntimeException | IOException ex) {
			logger.info("Plain http:// requests to the HTTPS port will not be answered: this Undertow version's "
					+ "listener internals differ (" + ex + ")");
			return false;
		}
	}

	// the same engine settings Undertow's own TLS accept applies
	private static OptionMap sslOptions(AcceptingChannel<?> channel, boolean cipherSuitesOrder)
			throws IOException {
		OptionMap.Builder options = OptionMap.builder();
		copy(channel, Options.SSL_CLIENT_AUTH_MODE, options);
		copy(channel, Options.SSL_ENABLE_SESSION_CREATION, options);
		copy(channel, Options.SSL_ENABLED_CIPHER_SUITES, options);
		copy(channel, Options.SSL_ENABLED_PROTOCOLS, options);
		options.set(UndertowOptions.SSL_USER_CIPHER_SUITES_ORDER, cipherSuitesOrder);
		return options.getMap();
	}

	private static <T> void copy(AcceptingChannel<?> channel, Option<T> option,
			OptionMap.Builder options) throws IOException {
		T value = channel.getOption(option);
		if (value != null) {
			options.set(option, value);
		}
	}

}
