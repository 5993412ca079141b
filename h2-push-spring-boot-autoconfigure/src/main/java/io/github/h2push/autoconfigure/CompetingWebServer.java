package io.github.h2push.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * An embedded servlet web server that Spring Boot would pick before Undertow when its
 * classes are on the class path, and what an application uses to configure it. Named by
 * class name only, so that nothing here loads a server that is not there.
 */
enum CompetingWebServer {

	/**
	 * Tomcat, which {@code spring-boot-starter-web} brings unless it is excluded.
	 */
	TOMCAT("Tomcat", "spring-boot-starter-tomcat", "server.tomcat",
			List.of("org.apache.catalina.startup.Tomcat", "org.apache.coyote.UpgradeProtocol"),
			List.of("org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory",
					"org.springframework.boot.web.embedded.tomcat.ConfigurableTomcatWebServerFactory"),
			List.of("org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer",
					"org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer",
					"org.springframework.boot.web.embedded.tomcat.TomcatProtocolHandlerCustomizer")),

	/**
	 * Jetty, which an application adds with {@code spring-boot-starter-jetty}.
	 */
	JETTY("Jetty", "spring-boot-starter-jetty", "server.jetty",
			List.of("org.eclipse.jetty.server.Server", "org.eclipse.jetty.util.Loader",
					"org.eclipse.jetty.ee10.webapp.WebAppContext"),
			List.of("org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory",
					"org.springframework.boot.web.embedded.jetty.ConfigurableJettyWebServerFactory"),
			List.of("org.springframework.boot.web.embedded.jetty.JettyServerCustomizer"));

	private final String displayName;

	private final String starter;

	private final String propertyPrefix;

	private final List<String> requiredClasses;

	private final List<String> factoryTypes;

	private final List<String> customizerTypes;

	CompetingWebServer(String displayName, String starter, String propertyPrefix, List<String> requiredClasses,
			List<String> factoryTypes, List<String> customizerTypes) {
		this.displayName = displayName;
		this.starter = starter;
		this.propertyPrefix = propertyPrefix;
		this.requiredClasses = requiredClasses;
		this.factoryTypes = factoryTypes;
		this.customizerTypes = customizerTypes;
	}

	String getDisplayName() {
		return this.displayName;
	}

	/**
	 * The artifact ({@code org.springframework.boot}) that brings this server.
	 */
	String getStarter() {
		return this.starter;
	}

	/**
	 * The prefix of Spring Boot's properties for this server, {@code server.tomcat}.
	 */
	String getPropertyPrefix() {
		return this.propertyPrefix;
	}

	/**
	 * The classes Spring Boot looks for before it serves with this server.
	 */
	List<String> getRequiredClasses() {
		return this.requiredClasses;
	}

	/**
	 * Types whose {@code WebServerFactoryCustomizer<T>} beans configure this server.
	 */
	List<String> getFactoryTypes() {
		return this.factoryTypes;
	}

	/**
	 * Customizer types that only this server applies.
	 */
	List<String> getCustomizerTypes() {
		return this.customizerTypes;
	}

	/**
	 * Whether Spring Boot would serve with this server rather than with Undertow.
	 */
	boolean isPresent(@Nullable ClassLoader classLoader) {
		return this.requiredClasses.stream().allMatch((name) -> ClassUtils.isPresent(name, classLoader));
	}

	static List<CompetingWebServer> present(@Nullable ClassLoader classLoader) {
		return Arrays.stream(values()).filter((server) -> server.isPresent(classLoader)).toList();
	}

	static String displayNames(List<CompetingWebServer> servers) {
		return String.join(" and ", servers.stream().map(CompetingWebServer::getDisplayName).toList());
	}

}
