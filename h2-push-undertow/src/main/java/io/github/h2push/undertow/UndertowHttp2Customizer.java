package io.github.h2push.undertow;

import java.util.Arrays;
import java.util.List;

import javax.net.ssl.SSLEngine;

import io.undertow.server.protocol.http.AlpnOpenListener;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.WebServerSslBundle;
import org.springframework.core.Ordered;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Fails startup when the TLS configuration would make Undertow fall back to HTTP/1.1
 * without saying so: Undertow's ALPN offers {@code h2} only with TLSv1.2 or TLSv1.3 and
 * one particular cipher suite, and otherwise logs at debug level alone.
 * <p>
 * Runs after the customizer that turns HTTP/2 on and sets the development certificate,
 * so it sees the SSL the server will use.
 *
 * @since 0.1.0
 */
public class UndertowHttp2Customizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory>, Ordered {

	@Override
	public int getOrder() {
		return 2;
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		boolean http2 = factory.getHttp2() != null && factory.getHttp2().isEnabled();
		if (http2 && Ssl.isEnabled(factory.getSsl())
				&& protocolsOrCiphersConfigured(factory.getSsl(), factory.getSslBundles())) {
			checkAlpn(WebServerSslBundle.get(factory.getSsl(), factory.getSslBundles()));
		}
	}

	/**
	 * Fails when Undertow's ALPN would not offer {@code h2} with this bundle: it needs
	 * TLSv1.2 or TLSv1.3 and the cipher suite
	 * {@value AlpnOpenListener#REQUIRED_CIPHER} enabled, and otherwise falls back to
	 * HTTP/1.1 logging only at debug level.
	 * @param bundle the server's SSL bundle
	 */
	static void checkAlpn(SslBundle bundle) {
		SslOptions options = bundle.getOptions();
		SSLEngine engine = bundle.createSslContext().createSSLEngine();
		if (options.getEnabledProtocols() != null) {
			engine.setEnabledProtocols(supported(options.getEnabledProtocols(), engine.getSupportedProtocols()));
		}
		if (options.getCiphers() != null) {
			engine.setEnabledCipherSuites(supported(options.getCiphers(), engine.getSupportedCipherSuites()));
		}
		if (!AlpnOpenListener.engineSupportsHTTP2(engine)) {
			throw new IllegalStateException("HTTP/2 is enabled, but with this TLS configuration Undertow would "
					+ "silently serve HTTP/1.1 only: ALPN needs TLSv1.2 or TLSv1.3 and the cipher suite "
					+ AlpnOpenListener.REQUIRED_CIPHER + " enabled. Enabled protocols: "
					+ Arrays.toString(engine.getEnabledProtocols()) + "; enabled cipher suites: "
					+ Arrays.toString(engine.getEnabledCipherSuites())
					+ ". Add them to 'server.ssl.enabled-protocols' and 'server.ssl.ciphers' (or the SSL bundle's "
					+ "options), or set 'server.http2.enabled=false'.");
		}
	}

	/**
	 * Whether TLS protocols or cipher suites are configured: in {@code server.ssl.*}, the
	 * server's SSL bundle, or the JDK's {@code jdk.tls.server.*} properties. The JDK's
	 * defaults offer what HTTP/2 needs, so only then is the check worth an SSL engine at
	 * startup.
	 */
	static boolean protocolsOrCiphersConfigured(Ssl ssl, @Nullable SslBundles bundles) {
		if (System.getProperty("jdk.tls.server.protocols") != null
				|| System.getProperty("jdk.tls.server.cipherSuites") != null) {
			return true;
		}
		if (ssl.getEnabledProtocols() != null || ssl.getCiphers() != null) {
			return true;
		}
		if (StringUtils.hasText(ssl.getBundle()) && bundles != null) {
			SslOptions options = bundles.getBundle(ssl.getBundle()).getOptions();
			return options.getEnabledProtocols() != null || options.getCiphers() != null;
		}
		return false;
	}

	private static String[] supported(String[] configured, String[] supported) {
		List<String> available = Arrays.asList(supported);
		return Arrays.stream(configured).filter(available::contains).toArray(String[]::new);
	}

}
