package io.github.h2push.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Matches when Tomcat or Jetty is on the class path, as Spring Boot looks for it, and the
 * application configures no web server other than Undertow: then Undertow can serve
 * without dropping anything the application chose.
 * <p>
 * The application configures another server with its own Tomcat, Jetty or other servlet
 * web server factory, customizer beans for Tomcat or Jetty, or {@code server.tomcat.*} /
 * {@code server.jetty.*} properties while that server is on the class path. Then that
 * server serves, h2-push sends what it can there (no push), and one INFO line, written
 * where this is decided, says what configures the server and how to serve with Undertow.
 * <p>
 * Evaluated when the application's bean definitions are registered, as
 * {@code @ConditionalOnMissingBean} is: auto-configurations are processed after the
 * application's own configuration, so this sees its beans wherever they are declared.
 * Spring Boot's own customizers, which it defines for whichever server is on the class
 * path, are not the application's configuration.
 */
// before @ConditionalOnMissingBean, so that an application's own factory is described too
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class CompetingWebServerCondition extends SpringBootCondition implements ConfigurationCondition {

	private static final Log logger = LogFactory.getLog(H2PushWebServerAutoConfiguration.class);

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Unconfigured competing web server");
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		Assert.state(beanFactory != null, "No bean factory to read the application's configuration from");
		ClassLoader classLoader = context.getClassLoader();
		ServerConfiguration configured = configured(beanFactory, context.getEnvironment(), classLoader);
		if (!configured.items().isEmpty()) {
			logger.info(configured.describe(classLoader));
			return ConditionOutcome.noMatch(message.found("application configuration").items(configured.items()));
		}
		List<CompetingWebServer> present = CompetingWebServer.present(classLoader);
		return present.isEmpty() ? ConditionOutcome.noMatch(message.because("neither Tomcat nor Jetty is present"))
				: ConditionOutcome.match(message.foundExactly(CompetingWebServer.displayNames(present)));
	}

	private static ServerConfiguration configured(ConfigurableListableBeanFactory beanFactory,
			Environment environment, @Nullable ClassLoader classLoader) {
		Set<CompetingWebServer> servers = new LinkedHashSet<>();
		List<String> items = new ArrayList<>();
		List<CompetingWebServer> present = CompetingWebServer.present(classLoader);
		// Spring Boot serves with the first server it finds, unless the application has a factory of its own
		CompetingWebServer serving = present.isEmpty() ? null : present.get(0);
		for (String name : ApplicationBeans.namesOf(beanFactory,
				ResolvableType.forClass(ServletWebServerFactory.class))) {
			Class<?> type = beanFactory.getType(name, false);
			if (type == null || UndertowServletWebServerFactory.class.isAssignableFrom(type)) {
				continue;
			}
			CompetingWebServer server = serverOf(type, classLoader);
			if (server != null) {
				servers.add(server);
			}
			// Spring Boot refuses to start with two
			serving = server;
			items.add("bean '" + name + "', the application's own " + type.getSimpleName());
		}
		for (CompetingWebServer server : present) {
			List<String> found = configurationOf(server, beanFactory, environment, classLoader);
			if (!found.isEmpty()) {
				servers.add(server);
				items.addAll(found);
			}
		}
		return new ServerConfiguration(List.copyOf(servers), serving, items);
	}

	private static List<String> configurationOf(CompetingWebServer server, ConfigurableListableBeanFactory beanFactory,
			Environment environment, @Nullable ClassLoader classLoader) {
		List<String> found = new ArrayList<>();
		for (String factoryType : server.getFactoryTypes()) {
			Class<?> factory = ClassUtils.resolveClassName(factoryType, classLoader);
			ResolvableType customizer = ResolvableType.forClassWithGenerics(WebServerFactoryCustomizer.class, factory);
			for (String name : ApplicationBeans.namesOf(beanFactory, customizer)) {
				found.add("bean '" + name + "', a WebServerFactoryCustomizer<" + factory.getSimpleName() + ">");
			}
		}
		for (String customizerType : server.getCustomizerTypes()) {
			Class<?> customizer = ClassUtils.resolveClassName(customizerType, classLoader);
			for (String name : ApplicationBeans.namesOf(beanFactory, ResolvableType.forClass(customizer))) {
				found.add("bean '" + name + "', a " + customizer.getSimpleName());
			}
		}
		found.addAll(properties(environment, server.getPropertyPrefix()));
		return found;
	}

	private static List<String> properties(Environment environment, String prefix) {
		ConfigurationPropertyName ancestor = ConfigurationPropertyName.of(prefix);
		Set<String> found = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(ancestor::isAncestorOf).forEach((name) -> {
					ConfigurationProperty property = iterable.getConfigurationProperty(name);
					Object origin = (property != null) ? property.getOrigin() : null;
					found.add("property '" + name + "'" + ((origin != null) ? " (" + origin + ")" : ""));
				});
			}
		}
		return List.copyOf(found);
	}

	@Nullable
	private static CompetingWebServer serverOf(Class<?> factoryType, @Nullable ClassLoader classLoader) {
		for (CompetingWebServer server : CompetingWebServer.values()) {
			for (String type : server.getFactoryTypes()) {
				if (ClassUtils.isPresent(type, classLoader)
						&& ClassUtils.resolveClassName(type, classLoader).isAssignableFrom(factoryType)) {
					return server;
				}
			}
		}
		return null;
	}

	/**
	 * What the application configures for a web server other than Undertow.
	 *
	 * @param servers the servers it configures, Tomcat or Jetty; empty when its own web
	 * server factory is neither
	 * @param serving the server Spring Boot serves with then; {@code null} when it is the
	 * application's own factory of another server
	 * @param items each bean or property that configures another web server, described
	 * for a human
	 */
	record ServerConfiguration(List<CompetingWebServer> servers, @Nullable CompetingWebServer serving,
			List<String> items) {

		String describe(@Nullable ClassLoader classLoader) {
			boolean earlyHints = this.serving != null && this.serving.isEarlyHintsSupported(classLoader);
			StringBuilder line = new StringBuilder("This application configures ")
				.append(this.servers.isEmpty() ? "a web server factory of its own"
						: CompetingWebServer.displayNames(this.servers))
				.append(", so ")
				.append((this.serving != null) ? this.serving.getDisplayName() : "that factory's server")
				.append(" serves it rather than Undertow: pages get ")
				.append(earlyHints ? "103 Early Hints and preload Link headers" : "preload Link headers")
				.append(", but no server push, which needs Undertow. What configures ")
				.append((this.servers.size() > 1) ? "them" : "it")
				.append(": ")
				.append(String.join("; ", this.items))
				.append(". To push, remove that configuration");
			if (!this.servers.isEmpty()) {
				line.append(" and exclude ")
					.append(String.join(" and ", this.servers.stream().map(CompetingWebServer::getStarter).toList()));
			}
			return line.append(" (see \"The web stack\" in h2-push's docs/configuration.md)").toString();
		}

	}

}
