package io.github.h2push.autoconfigure;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link WebServerConflictException}: what configures the other web server,
 * and how to keep it or move to Undertow, with the exact Maven and Gradle exclusions.
 */
class WebServerConflictFailureAnalyzer extends AbstractFailureAnalyzer<WebServerConflictException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WebServerConflictException cause) {
		List<CompetingWebServer> servers = cause.getServers();
		String server = servers.isEmpty() ? "another web server" : CompetingWebServer.displayNames(servers);
		StringBuilder description = new StringBuilder("h2-push serves HTTP/2, TLS, server push and 103 Early Hints ")
			.append("from embedded Undertow, but this application configures ")
			.append(server)
			.append(":\n\n");
		cause.getConfiguration().forEach((item) -> description.append("\t- ").append(item).append('\n'));
		description.append("\nServing with Undertow would silently drop that configuration, and serving with ")
			.append(servers.isEmpty() ? "that server" : server)
			.append(" would leave h2-push inactive.");
		StringBuilder action = new StringBuilder("Choose one web server.\n\n");
		action.append("To keep ")
			.append(server)
			.append(" without h2-push, remove the h2-push-spring-boot-starter dependency, or set ")
			.append("h2-push.enabled=false.")
			.append("\n\nTo use h2-push, move that configuration to Undertow (server.undertow.* properties, ")
			.append("WebServerFactoryCustomizer<UndertowServletWebServerFactory> or UndertowBuilderCustomizer beans)");
		if (servers.isEmpty()) {
			action.append(", and define no web server factory of your own other than an ")
				.append("UndertowServletWebServerFactory.");
		}
		else {
			action.append(", then remove ").append(server).append(" from the class path.");
			for (CompetingWebServer competing : servers) {
				action.append("\n\n").append(removal(competing));
			}
		}
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	/**
	 * How to remove a server from the class path, with Maven and with Gradle.
	 * @param server the server
	 * @return the instructions
	 */
	static String removal(CompetingWebServer server) {
		String maven = (server == CompetingWebServer.TOMCAT) ? """
				With Maven, exclude Tomcat from spring-boot-starter-web:

					<dependency>
						<groupId>org.springframework.boot</groupId>
						<artifactId>spring-boot-starter-web</artifactId>
						<exclusions>
							<exclusion>
								<groupId>org.springframework.boot</groupId>
								<artifactId>spring-boot-starter-tomcat</artifactId>
							</exclusion>
						</exclusions>
					</dependency>
				""" : """
				With Maven, remove the dependency on org.springframework.boot:%s.
				""".formatted(server.getStarter());
		String gradle = """

				With Gradle, exclude it from every configuration:

					configurations.configureEach {
						exclude group: 'org.springframework.boot', module: '%s'
					}""".formatted(server.getStarter());
		return maven + gradle;
	}

}
