package io.github.h2push.autoconfigure;

import java.util.List;

/**
 * Thrown at startup when the application configures a web server other than Undertow,
 * which h2-push needs. Analyzed by {@link WebServerConflictFailureAnalyzer}.
 */
class WebServerConflictException extends RuntimeException {

	private final List<CompetingWebServer> servers;

	private final List<String> configuration;

	WebServerConflictException(List<CompetingWebServer> servers, List<String> configuration) {
		super("h2-push needs Undertow, but the application configures another web server: " + configuration);
		this.servers = servers;
		this.configuration = configuration;
	}

	/**
	 * The servers the application configures, Tomcat or Jetty; empty when its own web
	 * server factory is neither.
	 */
	List<CompetingWebServer> getServers() {
		return this.servers;
	}

	/**
	 * Each bean or property that configures another web server, described for a human.
	 */
	List<String> getConfiguration() {
		return this.configuration;
	}

}
