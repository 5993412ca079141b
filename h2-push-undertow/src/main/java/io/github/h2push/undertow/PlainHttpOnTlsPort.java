package io.github.h2push.undertow;

import java.io.IOException;

import javax.net.ssl.SSLContext;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.protocols.ssl.SNISSLContext;
import io.undertow.protocols.ssl.UndertowXnioSsl;
import io.undertow.server.OpenListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.xnio.Option;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.channels.AcceptingChannel;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.embedded.undertow.UndertowWebServer;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.WebServerSslBundle;
import org.springframework.context.ApplicationListener;
import org.springframework.lang.Nullable;
import org.springframework.util.CollectionUtils;

/**
 * Makes a started Undertow server answer a plain {@code http://} request on its HTTPS
 * port — with a redirect to {@code https://}, or a {@code 400} saying the port needs TLS
 * — instead of leaving the client waiting: Undertow 2.3 says nothing there. TLS
 * connections are handed to Undertow unchanged.
 * <p>
 * Undertow has no hook for this: the HTTPS listener's TCP server, TLS wrapper and open
 * listener are private fields (see {@code UndertowInternals}), and the answering listener
 * can only be installed once the server has started and accepts connections already.
 * For the connections accepted before, the HTTPS listener gets, before the server
 * starts, the SSL context of the server's bundle instead of Spring Boot's SNI context
 * around it. The SNI context's engine reads a plain request's first bytes as the header
 * of a TLS record of kilobytes and waits for the rest with no timeout; the bundle's engine
 * rejects them at once, and Undertow sends a TLS alert and closes the connection. Without
 * server-name bundles the two contexts serve TLS alike; with them, Spring Boot's stays.
 * When members are missing, the server is left as it is.
 *
 * @since 0.1.0
 */
public class PlainHttpOnTlsPort implements ApplicationListener<WebServerInitializedEvent>,
		WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	private static final Log logger = LogFactory.getLog(PlainHttpOnTlsPort.class);

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		// runs after every factory customizer and after Spring Boot added its HTTPS
		// listener: the SSL read is the one the server starts with
		factory.addBuilderCustomizers((builder) -> useBundleSslContext(builder, factory.getSsl(),
				factory.getSslBundles(), factory.getPort()));
	}

	/**
	 * Gives Spring Boot's HTTPS listener the SSL context of the server's bundle instead of
	 * the SNI context around it, when no server-name bundles are configured: the one the
	 * SNI context holds, or, when that cannot be read, one made from the bundle.
	 * @param builder the server's builder, with Spring Boot's listener added
	 * @param ssl the server's SSL
	 * @param sslBundles the bundles it may name
	 * @param port the port of Spring Boot's listener
	 * @return whether a listener's context was replaced
	 */
	static boolean useBundleSslContext(Undertow.Builder builder, @Nullable Ssl ssl, @Nullable SslBundles sslBundles,
			int port) {
		return useBundleSslContext(builder, ssl, sslBundles, port, UndertowInternals.get());
	}

	static boolean useBundleSslContext(Undertow.Builder builder, @Nullable Ssl ssl, @Nullable SslBundles sslBundles,
			int port, UndertowInternals internals) {
		if (!Ssl.isEnabled(ssl) || !CollectionUtils.isEmpty(ssl.getServerNameBundles())
				|| !internals.supports(UndertowInternals.Feature.PLAIN_HTTP_AS_PORT_OPENS)) {
			return false;
		}
		for (Object config : internals.listenerConfigs(builder)) {
			if (internals.port(config) == port && internals.sslContext(config) instanceof SNISSLContext sniContext) {
				try {
					SSLContext sslContext = internals.defaultSslContext(sniContext);
					if (sslContext == null) {
						sslContext = WebServerSslBundle.get(ssl, sslBundles).createSslContext();
					}
					return internals.setSslContext(config, sslContext);
				}
				catch (RuntimeException ex) {
					logger.info("A plain http:// request on a connection accepted as the HTTPS port opens will wait "
							+ "until the client gives up: the SSL context could not be created (" + ex + ")");
					return false;
				}
			}
		}
		return false;
	}

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
					sslOptions(sslChannel, cipherSuitesOrder), openListener, noRequestTimeout(openListener));
			server.getAcceptSetter().set(answering);
			return true;
		}
		catch (RuntimeException | IOException ex) {
			logger.info("Plain http:// requests to the HTTPS port will not be answered: this Undertow version's "
					+ "listener internals differ (" + ex + ")");
			return false;
		}
	}

	// how long Undertow keeps a connection without a request open: Spring Boot's
	// server.undertow.no-request-timeout, else Undertow's default of a minute
	private static int noRequestTimeout(OpenListener openListener) {
		return openListener.getUndertowOptions().get(UndertowOptions.NO_REQUEST_TIMEOUT, -1);
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
