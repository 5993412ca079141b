package io.github.h2push.autoconfigure;

import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * The Spring Boot server settings h2-push acts on, read in one place: whether HTTP/2
 * is wanted ({@code server.http2.enabled}, on unless set to {@code false}) and whether
 * the server has SSL settings of its own ({@code server.ssl.bundle},
 * {@code server.ssl.key-store} or {@code server.ssl.certificate} set, or
 * {@code server.ssl.enabled=false}), in which case the development certificate is not
 * used. What the server really does once started is read from the server itself.
 */
final class BootServerSettings {

	private static final String[] OWN_SSL_PROPERTIES = { "server.ssl.bundle", "server.ssl.key-store",
			"server.ssl.certificate" };

	private final boolean http2;

	@Nullable
	private final String ownSslProperty;

	private BootServerSettings(boolean http2, @Nullable String ownSslProperty) {
		this.http2 = http2;
		this.ownSslProperty = ownSslProperty;
	}

	static BootServerSettings of(Environment environment) {
		boolean http2 = environment.getProperty("server.http2.enabled", Boolean.class, true);
		for (String property : OWN_SSL_PROPERTIES) {
			if (StringUtils.hasText(environment.getProperty(property))) {
				return new BootServerSettings(http2, property);
			}
		}
		boolean sslOff = !environment.getProperty("server.ssl.enabled", Boolean.class, true);
		return new BootServerSettings(http2, sslOff ? "server.ssl.enabled" : null);
	}

	/**
	 * Whether HTTP/2 is to be turned on.
	 * @return {@code false} only when {@code server.http2.enabled=false}
	 */
	boolean isHttp2Enabled() {
		return this.http2;
	}

	/**
	 * Whether the server's SSL is configured by the application, so h2-push leaves it
	 * alone.
	 * @return {@code true} when key material is configured or SSL is turned off
	 */
	boolean hasOwnSsl() {
		return this.ownSslProperty != null;
	}

	/**
	 * The first SSL property found set.
	 * @return the property name, or {@code null}
	 */
	@Nullable
	String getOwnSslProperty() {
		return this.ownSslProperty;
	}

}
