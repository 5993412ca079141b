package io.github.h2push.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.lang.Nullable;

/**
 * Keeps the old names of renamed {@code h2-push.*} properties working: each old name the
 * environment sets is offered under its new name, with one WARN naming the replacement,
 * unless the new name is set too, which then wins.
 * <p>
 * Two old names are scalars where a group now starts: {@code h2-push.early-hints=false}
 * and {@code h2-push.early-hints.enabled}, {@code h2-push.html-first} and
 * {@code h2-push.html-first.enabled}. Spring Boot's binder cannot bind a group from a
 * scalar, and fails when the scalar is all there is; when the group has a nested key, it
 * binds the group from its nested keys and passes over the scalar. This post-processor
 * makes sure that a set old scalar always comes with the nested key that replaces it. The
 * old key stays where it was set: hiding it would mean replacing property sources such as
 * the system environment, whose relaxed names and origins Boot reads from their type.
 * <p>
 * The mapped values keep the origin of the old key, so a bad value fails startup naming
 * the file and line it was set on. They are added with the lowest precedence: they exist
 * nowhere else, and a source added later that sets the new name wins.
 */
class RenamedPropertiesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The name of the property source holding the mapped values.
	 */
	static final String PROPERTY_SOURCE_NAME = "h2-push-renamed-properties";

	/**
	 * Each old name, with the name that replaces it.
	 */
	static final Map<String, String> RENAMED = renamed();

	private final Log logger;

	RenamedPropertiesEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(RenamedPropertiesEnvironmentPostProcessor.class);
	}

	private static Map<String, String> renamed() {
		Map<String, String> renamed = new LinkedHashMap<>();
		renamed.put("h2-push.early-hints", "h2-push.early-hints.enabled");
		renamed.put("h2-push.early-hints-over-http1", "h2-push.early-hints.over-http1");
		renamed.put("h2-push.html-first", "h2-push.html-first.enabled");
		renamed.put("h2-push.max-pushed-responses-in-flight-per-connection",
				"h2-push.connection.max-pushed-responses-in-flight");
		renamed.put("h2-push.pushed-response-timeout", "h2-push.connection.pushed-response-timeout");
		renamed.put("h2-push.max-client-resets", "h2-push.connection.max-client-resets");
		renamed.put("h2-push.client-reset-window", "h2-push.connection.client-reset-window");
		renamed.put("h2-push.write-timeout", "h2-push.connection.write-timeout");
		return Collections.unmodifiableMap(renamed);
	}

	// after every other post-processor, so that it sees every property source they added
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		Map<String, Object> mapped = new LinkedHashMap<>();
		for (Map.Entry<String, String> renamed : RENAMED.entrySet()) {
			ConfigurationProperty old = find(environment, renamed.getKey());
			if (old == null) {
				continue;
			}
			String replacement = renamed.getValue();
			String where = (old.getOrigin() != null) ? " (" + old.getOrigin() + ")" : "";
			if (find(environment, replacement) != null) {
				this.logger.warn("Property '" + renamed.getKey() + "'" + where + " is deprecated and ignored: its "
						+ "replacement '" + replacement + "' is set too");
			}
			else {
				mapped.put(replacement, OriginTrackedValue.of(old.getValue(), old.getOrigin()));
				this.logger.warn("Property '" + renamed.getKey() + "'" + where + " is deprecated: use '" + replacement
						+ "' instead");
			}
		}
		if (!mapped.isEmpty()) {
			environment.getPropertySources().addLast(new OriginTrackedMapPropertySource(PROPERTY_SOURCE_NAME, mapped));
		}
	}

	// the value the environment binds for a name, under any spelling Boot accepts
	@Nullable
	private static ConfigurationProperty find(ConfigurableEnvironment environment, String name) {
		ConfigurationPropertyName propertyName = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(propertyName);
			if (property != null) {
				return property;
			}
		}
		return null;
	}

}
