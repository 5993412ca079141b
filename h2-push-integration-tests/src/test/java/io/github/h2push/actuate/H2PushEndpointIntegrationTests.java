package io.github.h2push.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code h2push} Actuator endpoint reports what the started server really does,
 * for each way the server can be exposed.
 */
class H2PushEndpointIntegrationTests {

	@Test
	void reportsTlsAndHttp2FromTheServerServingTheDevelopmentCertificate() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			HttpClient client = HttpClient.newBuilder()
				.sslContext(context.getBean(DevelopmentCertificate.class).createClientSslContext())
				.build();
			String report = get(client, "https", context, "/actuator/h2push");
			assertThat(report).contains("\"server\":{\"webServer\":\"Undertow\",\"tls\":true,\"http2\":true,"
					+ "\"developmentCertificate\":true,\"push\":true}");
		}
	}

	@Test
	void reportsNoTlsForH2c() throws Exception {
		try (ConfigurableApplicationContext context = start("h2-push.ssl.self-signed=false")) {
			String report = get(HttpClient.newHttpClient(), "http", context, "/actuator/h2push");
			assertThat(report).contains("\"server\":{\"webServer\":\"Undertow\",\"tls\":false,\"http2\":true,"
					+ "\"developmentCertificate\":false,\"push\":true}");
		}
	}

	@Test
	void reportsNoHttp2AndNoPushWhenHttp2IsOff() throws Exception {
		try (ConfigurableApplicationContext context = start("h2-push.ssl.self-signed=false",
				"server.http2.enabled=false")) {
			String report = get(HttpClient.newHttpClient(), "http", context, "/actuator/h2push");
			assertThat(report).contains("\"server\":{\"webServer\":\"Undertow\",\"tls\":false,\"http2\":false,"
					+ "\"developmentCertificate\":false,\"push\":false}");
		}
	}

	@Test
	void reportsWhatTheServerDoesRatherThanWhatPropertiesSay() throws Exception {
		try (ConfigurableApplicationContext context = start(new Class<?>[] { Http2OffInCode.class },
				"h2-push.ssl.self-signed=false")) {
			String report = get(HttpClient.newHttpClient(), "http", context, "/actuator/h2push");
			assertThat(report).contains("\"http2\":false").contains("\"push\":false");
		}
	}

	@Test
	void countsWhyResourcesWereNotPushed() throws Exception {
		try (ConfigurableApplicationContext context = start("h2-push.ssl.self-signed=false",
				"server.http2.enabled=false")) {
			HttpClient client = HttpClient.newHttpClient();
			get(client, "http", context, "/page");
			String report = get(client, "http", context, "/actuator/h2push");
			assertThat(report).contains("\"refusals\":{\"not-http2\":2,").contains("\"resets\":0");
		}
	}

	@Test
	void answersEachSectionOfTheReportOnItsOwn() throws Exception {
		try (ConfigurableApplicationContext context = start("h2-push.ssl.self-signed=false",
				"h2-push.early-hints.min-response-time=10ms")) {
			HttpClient client = HttpClient.newHttpClient();
			get(client, "http", context, "/page");
			assertThat(get(client, "http", context, "/actuator/h2push/server"))
				.startsWith("{\"webServer\":\"Undertow\",\"tls\":false,");
			assertThat(get(client, "http", context, "/actuator/h2push/configuration"))
				.contains("\"copied-headers\":[\"accept\",");
			assertThat(get(client, "http", context, "/actuator/h2push/plans")).contains("#page()\":[");
			assertThat(get(client, "http", context, "/actuator/h2push/routes")).startsWith("{");
			assertThat(get(client, "http", context, "/actuator/h2push/counts")).contains("\"pushed\":");
			assertThat(get(client, "http", context, "/actuator/h2push/refusals")).contains("\"not-http2\":");
			assertThat(get(client, "http", context, "/actuator/h2push/resets")).isEqualTo("{\"resets\":0}");
			assertThat(get(client, "http", context, "/actuator/h2push/learned")).isEqualTo("{}");
			assertThat(get(client, "http", context, "/actuator/h2push/response-times"))
				.contains("#page()\":{\"averageMillis\":")
				.contains("\"samples\":1,\"earlyHints\":true}");
			assertThat(status(client, context, "/actuator/h2push/nothing")).isEqualTo(404);
		}
	}

	private ConfigurableApplicationContext start(String... properties) {
		return start(new Class<?>[0], properties);
	}

	private ConfigurableApplicationContext start(Class<?>[] configurations, String... properties) {
		return new SpringApplicationBuilder(PushTestApplication.class).sources(configurations)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "management.endpoints.web.exposure.include=h2push")
			// as command-line arguments, over the test application's application.properties
			.run(Arrays.stream(properties).map((property) -> "--" + property).toArray(String[]::new));
	}

	// an application's own customizer, run after h2-push's, that turns HTTP/2 off
	@Configuration(proxyBeanMethods = false)
	static class Http2OffInCode {

		@Bean
		WebServerFactoryCustomizer<UndertowServletWebServerFactory> http2Off() {
			return (factory) -> factory.getHttp2().setEnabled(false);
		}

	}

	private static int status(HttpClient client, ConfigurableApplicationContext context, String path)
			throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		URI uri = URI.create("http://localhost:" + port + path);
		return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String get(HttpClient client, String scheme, ConfigurableApplicationContext context, String path)
			throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		URI uri = URI.create(scheme + "://localhost:" + port + path);
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
		return response.body();
	}

}
