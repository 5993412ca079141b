package io.github.h2push.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * An embedded servlet web server that Spring Boot would pick before Undertow when its
 * classes are on the class path, what an application uses to configure it, and whether
 * h2-push can send {@code 103 Early Hints} on it. Named by class name only, so that
 * nothing here loads a server that is not there.
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
					"org.springframework.boot.web.embedded.tomcat.TomcatProtocolHandlerCustomizer"),
			List.of("io.github.h2push.tomcat.TomcatEarlyHintsTransport")),

	/**
	 * Jetty, which an application adds with {@code spring-boot-starter-jetty}.
	 */
	JETTY("Jetty", "spring-boot-starter-jetty", "server.jetty",
			List.of("org.eclipse.jetty.server.Server", "org.eclipse.jetty.util.Loader",
					"org.eclipse.jetty.ee10.webapp.WebAppContext"),
			List.of("org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory",
					"org.springframework.boot.web.embedded.jetty.ConfigurableJettyWebServerFactory"),
			List.of("org.springframework.boot.web.embedded.jetty.JettyServerCustomizer"),
			// h2-push-jetty is for Jetty's Servlet 6.1 layer (Spring Boot 4); Spring Boot 3.5 brings Servlet 6.0's
			List.of("io.github.h2push.jetty.JettyEarlyHintsTransport",
					"org.eclipse.jetty.ee11.servlet.ServletContextRequest"));

	private final String displayName;

	private final String starter;

	private final String propertyPrefix;

	private final List<String> requiredClasses;

	private final List<String> factoryTypes;

	private final List<String> customizerTypes;

	private final List<String> earlyHintsClasses;

	CompetingWebServer(String displayName, String starter, String propertyPrefix, List<String> requiredClasses,
			List<String> factoryTypes, List<String> customizerTypes, List<String> earlyHintsClasses) {
		this.displayName = displayName;
		this.starter = starter;
		this.propertyPrefix = propertyPrefix;
		this.requiredClasses = requiredClasses;
		this.factoryTypes = factoryTypes;
		this.customizerTypes = customizerTypes;
		this.earlyHintsClasses = earlyHintsClasses;
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

	/**
	 * Whether h2-push sends {@code 103 Early Hints} on this server: its adapter is on the
	 * class path, as {@link H2PushAutoConfiguration} registers it, and fits the server.
	 */
	boolean isEarlyHintsSupported(@Nullable ClassLoader classLoader) {
		return this.earlyHintsClasses.stream().allMatch((name) -> ClassUtils.isPresent(name, classLoader));
	}

	static List<CompetingWebServer> present(@Nullable ClassLoader classLoader) {
		return Arrays.stream(values()).filter((server) -> server.isPresent(classLoader)).toList();
	}

	static String displayNames(List<CompetingWebServer> servers) {
		return String.join(" and ", servers.stream().map(CompetingWebServer::getDisplayName).toList());
	}

}
