package io.github.h2push.autoconfigure;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * The Spring Boot server settings h2-push acts on, read in one place: whether HTTP/2
 * is wanted ({@code server.http2.enabled}, on unless set to {@code false}) and whether
 * the server has SSL settings of its own ({@code server.ssl.bundle},
 * {@code server.ssl.key-store} or {@code server.ssl.certificate} set, or
 * {@code server.ssl.enabled=false}), in which case the development certificate is not
 * used; and whether the application sets an Undertow server or socket option itself
 * ({@code server.undertow.options.server.*}, {@code server.undertow.options.socket.*},
 * under any spelling Boot accepts). What the server really does once started is read
 * from the server itself.
 */
final class BootServerSettings {

	// a key store type or provider alone is a hardware key store (PKCS11)
	private static final String[] OWN_SSL_PROPERTIES = { "server.ssl.bundle", "server.ssl.key-store",
			"server.ssl.certificate", "server.ssl.key-store-type", "server.ssl.key-store-provider" };

	private final Environment environment;

	private final boolean http2;

	@Nullable
	private final String ownSslProperty;

	private BootServerSettings(Environment environment, boolean http2, @Nullable String ownSslProperty) {
		this.environment = environment;
		this.http2 = http2;
		this.ownSslProperty = ownSslProperty;
	}

	static BootServerSettings of(Environment environment) {
		boolean http2 = environment.getProperty("server.http2.enabled", Boolean.class, true);
		for (String property : OWN_SSL_PROPERTIES) {
			if (StringUtils.hasText(environment.getProperty(property))) {
				return new BootServerSettings(environment, http2, property);
			}
		}
		boolean sslOff = !environment.getProperty("server.ssl.enabled", Boolean.class, true);
		return new BootServerSettings(environment, http2, sslOff ? "server.ssl.enabled" : null);
	}

	/**
	 * Whether the application sets an Undertow option of a kind itself, bound from the
	 * environment and named as Boot names it ({@code WRITE_TIMEOUT},
	 * {@code write-timeout} and {@code writeTimeout} are one option, since Boot compares
	 * names by their letters and digits only).
	 * @param kind {@code server} (options in {@code UndertowOptions}) or {@code socket}
	 * (in Undertow's {@code Options})
	 * @param option the option's name, such as {@code WRITE_TIMEOUT}
	 * @return {@code true} when it is set
	 */
	boolean hasUndertowOption(String kind, String option) {
		Map<String, String> options = Binder.get(this.environment)
			.bind("server.undertow.options." + kind, Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		return namesOption(options, option);
	}

	/**
	 * Whether Undertow options, as Spring Boot binds {@code server.undertow.options.server}
	 * or {@code server.undertow.options.socket}, set an option (see
	 * {@link #hasUndertowOption(String, String)}).
	 * @param options the bound options, by the names the application gave them
	 * @param option the option's name in Undertow's {@code Options} or
	 * {@code UndertowOptions}
	 * @return {@code true} when it is set
	 */
	static boolean namesOption(Map<String, String> options, String option) {
		String wanted = canonical(option);
		for (String name : options.keySet()) {
			if (canonical(name).equals(wanted)) {
				return true;
			}
		}
		return false;
	}

	private static String canonical(String name) {
		StringBuilder canonical = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				canonical.append(Character.toLowerCase(c));
			}
		}
		return canonical.toString();
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
