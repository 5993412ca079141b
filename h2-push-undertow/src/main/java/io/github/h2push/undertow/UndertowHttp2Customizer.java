package io.github.h2push.undertow;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;

import io.undertow.server.protocol.http.AlpnOpenListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.Http2;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.WebServerSslBundle;
import org.springframework.core.Ordered;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Turns HTTP/2 on for Undertow unless it was turned off explicitly, serves HTTPS with
 * a development certificate when no SSL is configured, and fails startup when the
 * TLS configuration would make Undertow fall back to HTTP/1.1 without saying so.
 * <p>
 * Runs after Spring Boot's own server customizers, so it sees the configured SSL,
 * and before users' unordered customizers, so they can still override it.
 *
 * @since 0.1.0
 */
public class UndertowHttp2Customizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory>, Ordered {

	private static final Log logger = LogFactory.getLog(UndertowHttp2Customizer.class);

	private final boolean enableHttp2;

	@Nullable
	private final String developmentBundleName;

	@Nullable
	private final Supplier<SslBundle> developmentBundle;

	/**
	 * Creates a customizer.
	 * @param enableHttp2 whether to turn HTTP/2 on
	 * @param developmentBundleName the name to register the development bundle under
	 * @param developmentBundle supplies the development certificate's bundle when the
	 * application configures no SSL of its own, or {@code null} to leave the server's
	 * SSL as configured
	 */
	public UndertowHttp2Customizer(boolean enableHttp2, @Nullable String developmentBundleName,
			@Nullable Supplier<SslBundle> developmentBundle) {
		this.enableHttp2 = enableHttp2;
		this.developmentBundleName = developmentBundleName;
		this.developmentBundle = developmentBundle;
	}

	@Override
	public int getOrder() {
		return 1;
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		if (this.enableHttp2) {
			Http2 http2 = (factory.getHttp2() != null) ? factory.getHttp2() : new Http2();
			http2.setEnabled(true);
			factory.setHttp2(http2);
		}
		if (this.developmentBundle != null && this.developmentBundleName != null && !hasKeyMaterial(factory.getSsl())) {
			useDevelopmentCertificate(factory);
		}
		boolean http2 = factory.getHttp2() != null && factory.getHttp2().isEnabled();
		if (http2 && Ssl.isEnabled(factory.getSsl())
				&& protocolsOrCiphersConfigured(factory.getSsl(), factory.getSslBundles())) {
			checkAlpn(WebServerSslBundle.get(factory.getSsl(), factory.getSslBundles()));
		}
	}

	private void useDevelopmentCertificate(UndertowServletWebServerFactory factory) {
		SslBundle bundle = this.developmentBundle.get();
		SslBundles bundles = factory.getSslBundles();
		if (bundles instanceof SslBundleRegistry registry) {
			if (!bundles.getBundleNames().contains(this.developmentBundleName)) {
				registry.registerBundle(this.developmentBundleName, bundle);
			}
		}
		else {
			factory.setSslBundles(new DefaultSslBundleRegistry(this.developmentBundleName, bundle));
		}
		// keeps settings such as server.ssl.enabled-protocols made without key material
		Ssl ssl = (factory.getSsl() != null) ? factory.getSsl() : new Ssl();
		ssl.setBundle(this.developmentBundleName);
		factory.setSsl(ssl);
		logger.warn("Serving HTTPS with a self-signed DEVELOPMENT certificate for localhost, 127.0.0.1 and ::1, "
				+ "generated at startup. Browsers will not trust it and it must not be used in production. "
				+ "Configure a real certificate with 'server.ssl.bundle' (Spring Boot SSL bundles) or "
				+ "'server.ssl.key-store' / 'server.ssl.certificate', or set 'h2-push.ssl.self-signed=false' to "
				+ "serve plain HTTP (h2c) behind a TLS-terminating proxy.");
	}

	// key material set on the factory by code rather than properties is never replaced
	private static boolean hasKeyMaterial(@Nullable Ssl ssl) {
		return ssl != null && (StringUtils.hasText(ssl.getBundle()) || StringUtils.hasText(ssl.getKeyStore())
				|| StringUtils.hasText(ssl.getCertificate()));
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
