package io.github.h2push.autoconfigure;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.server.AbstractConfigurableWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.Http2;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Turns HTTP/2 on for the application's web server (Undertow, Tomcat or Jetty) unless it
 * was turned off explicitly, and serves HTTPS with the development certificate when the
 * application configures no key material of its own: browsers act on
 * {@code 103 Early Hints} and take pushes only over HTTP/2, which they speak only over
 * TLS.
 * <p>
 * Runs after Spring Boot's own server customizers, so it sees the configured SSL, and
 * before users' unordered customizers, so they can still override it.
 *
 * @since 0.1.0
 */
public class Http2OverTlsCustomizer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

	private static final Log logger = LogFactory.getLog(Http2OverTlsCustomizer.class);

	private final boolean enableHttp2;

	@Nullable
	private final Supplier<SslBundle> developmentBundle;

	/**
	 * Creates a customizer.
	 * @param enableHttp2 whether to turn HTTP/2 on
	 * @param developmentBundle supplies the development certificate's bundle when the
	 * application configures no SSL of its own, or {@code null} to leave the server's
	 * SSL as configured
	 */
	public Http2OverTlsCustomizer(boolean enableHttp2, @Nullable Supplier<SslBundle> developmentBundle) {
		this.enableHttp2 = enableHttp2;
		this.developmentBundle = developmentBundle;
	}

	// after Spring Boot's server customizers (order 0), which set the server's SSL bundles
	@Override
	public int getOrder() {
		return 1;
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		AbstractConfigurableWebServerFactory configured = (factory instanceof AbstractConfigurableWebServerFactory
				abstractFactory) ? abstractFactory : null;
		if (this.enableHttp2) {
			Http2 http2 = (configured != null && configured.getHttp2() != null) ? configured.getHttp2() : new Http2();
			http2.setEnabled(true);
			factory.setHttp2(http2);
		}
		else {
			logger.info("server.http2.enabled=false: the server speaks HTTP/1.1 only, so h2-push pushes nothing and "
					+ "sends no 103 Early Hints (unless h2-push.early-hints.over-http1=true); resources are hinted "
					+ "with preload Link headers only (unless h2-push.preload-links=false)");
		}
		Ssl ssl = (configured != null) ? configured.getSsl() : null;
		if (this.developmentBundle != null && !hasKeyMaterial(ssl)) {
			useDevelopmentCertificate(factory, ssl, (configured != null) ? configured.getSslBundles() : null);
		}
	}

	private void useDevelopmentCertificate(ConfigurableWebServerFactory factory, @Nullable Ssl configured,
			@Nullable SslBundles bundles) {
		String name = DevelopmentCertificate.BUNDLE_NAME;
		SslBundle bundle = this.developmentBundle.get();
		if (bundles instanceof SslBundleRegistry registry) {
			if (!bundles.getBundleNames().contains(name)) {
				registry.registerBundle(name, bundle);
			}
		}
		else {
			factory.setSslBundles(new DefaultSslBundleRegistry(name, bundle));
		}
		// keeps settings such as server.ssl.enabled-protocols made without key material
		Ssl ssl = (configured != null) ? configured : new Ssl();
		ssl.setBundle(name);
		factory.setSsl(ssl);
		logger.warn("Serving HTTPS with a self-signed DEVELOPMENT certificate for localhost, 127.0.0.1 and ::1, "
				+ "generated at startup. Browsers will not trust it and it must not be used in production. "
				+ "Configure a real certificate with 'server.ssl.bundle' (Spring Boot SSL bundles) or "
				+ "'server.ssl.key-store' / 'server.ssl.certificate', or set 'h2-push.ssl.self-signed=false' to "
				+ "serve plain HTTP (h2c) behind a TLS-terminating proxy.");
	}

	// key material set on the factory by code rather than properties is never replaced
	// (a key store type or provider alone is a hardware one, such as PKCS11)
	private static boolean hasKeyMaterial(@Nullable Ssl ssl) {
		return ssl != null && (StringUtils.hasText(ssl.getBundle()) || StringUtils.hasText(ssl.getKeyStore())
				|| StringUtils.hasText(ssl.getCertificate()) || StringUtils.hasText(ssl.getKeyStoreType())
				|| StringUtils.hasText(ssl.getKeyStoreProvider()));
	}

}
