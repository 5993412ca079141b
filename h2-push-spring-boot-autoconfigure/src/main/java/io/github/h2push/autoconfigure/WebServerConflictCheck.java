package io.github.h2push.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.type.MethodMetadata;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Fails startup with a {@link WebServerConflictException} when the application
 * configures a web server other than Undertow: its own Tomcat, Jetty or other servlet web
 * server factory, customizer beans for Tomcat or Jetty, or {@code server.tomcat.*} /
 * {@code server.jetty.*} properties while that server is on the class path. Serving with
 * Undertow would silently drop that configuration, and serving with the other server
 * would silently leave h2-push inactive.
 * <p>
 * Runs once every bean definition is known, so it sees the application's beans
 * wherever they are declared; Spring Boot's own customizers, which it defines for
 * whichever server is on the class path, are not the application's configuration.
 */
class WebServerConflictCheck implements BeanFactoryPostProcessor {

	private static final String SPRING_BOOT_PACKAGE = "org.springframework.boot.";

	private final Environment environment;

	WebServerConflictCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		Set<CompetingWebServer> servers = new LinkedHashSet<>();
		List<String> configuration = new ArrayList<>();
		for (String name : applicationBeans(beanFactory, ResolvableType.forClass(ServletWebServerFactory.class))) {
			Class<?> type = beanFactory.getType(name, false);
			if (type == null || UndertowServletWebServerFactory.class.isAssignableFrom(type)) {
				continue;
			}
			CompetingWebServer server = serverOf(type, classLoader);
			if (server != null) {
				servers.add(server);
			}
			configuration.add("bean '" + name + "', the application's own " + type.getSimpleName());
		}
		for (CompetingWebServer server : CompetingWebServer.present(classLoader)) {
			List<String> found = configurationOf(server, beanFactory, classLoader);
			if (!found.isEmpty()) {
				servers.add(server);
				configuration.addAll(found);
			}
		}
		if (!configuration.isEmpty()) {
			throw new WebServerConflictException(List.copyOf(servers), configuration);
		}
	}

	private List<String> configurationOf(CompetingWebServer server, ConfigurableListableBeanFactory beanFactory,
			ClassLoader classLoader) {
		List<String> found = new ArrayList<>();
		for (String factoryType : server.getFactoryTypes()) {
			Class<?> factory = ClassUtils.resolveClassName(factoryType, classLoader);
			ResolvableType customizer = ResolvableType.forClassWithGenerics(WebServerFactoryCustomizer.class, factory);
			for (String name : applicationBeans(beanFactory, customizer)) {
				found.add("bean '" + name + "', a WebServerFactoryCustomizer<" + factory.getSimpleName() + ">");
			}
		}
		for (String customizerType : server.getCustomizerTypes()) {
			Class<?> customizer = ClassUtils.resolveClassName(customizerType, classLoader);
			for (String name : applicationBeans(beanFactory, ResolvableType.forClass(customizer))) {
				found.add("bean '" + name + "', a " + customizer.getSimpleName());
			}
		}
		found.addAll(properties(server.getPropertyPrefix()));
		return found;
	}

	private List<String> properties(String prefix) {
		ConfigurationPropertyName ancestor = ConfigurationPropertyName.of(prefix);
		Set<String> found = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
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

	/**
	 * Names of the beans of a type that the application declares, not Spring Boot.
	 */
	static List<String> applicationBeans(ConfigurableListableBeanFactory beanFactory, ResolvableType type) {
		List<String> names = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
			if (!beanFactory.containsBeanDefinition(name)
					|| !isDeclaredBySpringBoot(beanFactory.getBeanDefinition(name))) {
				names.add(name);
			}
		}
		return names;
	}

	// Spring Boot declares its beans with @Bean methods; a bean of one of its classes
	// (new TomcatServletWebServerFactory()) that the application registers is the application's
	private static boolean isDeclaredBySpringBoot(BeanDefinition definition) {
		MethodMetadata factoryMethod = (definition instanceof AnnotatedBeanDefinition annotated)
				? annotated.getFactoryMethodMetadata() : null;
		return factoryMethod != null && factoryMethod.getDeclaringClassName().startsWith(SPRING_BOOT_PACKAGE);
	}

	@Nullable
	private static CompetingWebServer serverOf(Class<?> factoryType, ClassLoader classLoader) {
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

}
