package io.github.h2push.boot4;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;

import io.github.h2push.Nghttp;
import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.test.PushClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Spring Boot 4 application with the starter gets from its server, over a real
 * TLS connection with the development certificate: HTTP/2, a {@code 103 Early Hints}
 * with only the declared {@code Link} headers ahead of the final response, which keeps
 * every header the application set, and hints instead of pushes.
 */
abstract class EarlyHintsOnServerTests {

	private final String server;

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentCertificate certificate;

	EarlyHintsOnServerTests(String server) {
		this.server = server;
	}

	@Test
	void saysInTheEndpointThatItServesHttp2WithoutPush() throws Exception {
		HttpResponse<String> response = client().send(
				HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/actuator/h2push")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"webServer\":\"" + this.server + "\"").contains("\"push\":false");
	}

	@Test
	void countsOutcomesOnTheMeter() throws Exception {
		client().send(HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/page")).build(),
				HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> meter = client().send(HttpRequest
			.newBuilder(URI.create("https://localhost:" + this.port + "/actuator/metrics/h2push.promises?tag=outcome:"
					+ "early-hinted"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(meter.statusCode()).isEqualTo(200);
		assertThat(meter.body()).contains("\"name\":\"h2push.promises\"").doesNotContain("\"value\":0.0");
	}

	@Test
	void sendsA103WithOnlyTheLinkHeadersAheadOfTheFinalResponse() throws Exception {
		String frames = Nghttp.run("-nv", "--no-push", "https://127.0.0.1:" + this.port + "/page");
		List<Map<String, String>> responses = Nghttp.responseHeaders(frames);
		assertThat(responses).hasSizeGreaterThanOrEqualTo(2);
		Map<String, String> earlyHints = responses.get(0);
		assertThat(earlyHints).containsEntry(":status", "103");
		assertThat(earlyHints.keySet()).containsOnly(":status", "link");
		assertThat(String.join(",", linkValues(frames, 0))).contains("</css/site.css>; rel=preload; as=style")
			.contains("</js/app.js>; rel=preload; as=script");
		Map<String, String> page = responses.get(1);
		assertThat(page).containsEntry(":status", "200")
			.containsKey("set-cookie")
			.containsEntry("content-security-policy", "default-src 'self'")
			.containsEntry("x-custom", "custom")
			.containsKey("link");
	}

	@Test
	void letsThePushClientSeeThe103() {
		PushClient.PageLoad page = PushClient.trusting(this.certificate)
			.navigate("https://localhost:" + this.port + "/page");
		assertThat(page.earlyHints()).hasSize(1);
		assertThat(page.earlyHints().get(0).toSingleValueMap().keySet()).containsOnly("link");
		assertThat(page.earlyHintedPaths()).containsExactlyInAnyOrder("/css/site.css", "/js/app.js");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.headers().getFirst("x-custom")).isEqualTo("custom");
		assertThat(page.body()).isNotEmpty();
	}

	@Test
	void hintsWhatAProgramPushesBecauseTheServerCannotPush() throws Exception {
		HttpResponse<String> response = client().send(
				HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/programmatic")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(response.body()).isEqualTo("HINTED UNAVAILABLE");
		assertThat(response.headers().allValues("link")).containsExactly("</css/site.css>; rel=preload; as=style");
	}

	@Test
	void sendsNo103ToASubresourceRequest() throws Exception {
		String frames = Nghttp.run("-nv", "--no-push", "-H", "sec-fetch-mode: no-cors", "-H",
				"sec-fetch-dest: script", "https://127.0.0.1:" + this.port + "/page");
		assertThat(Nghttp.responseHeaders(frames)).extracting((headers) -> headers.get(":status"))
			.containsExactly("200");
	}

	private HttpClient client() throws Exception {
		SSLContext context = this.certificate.createClientSslContext();
		return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_2).build();
	}

	// nghttp prints each received header on its own line before the frame it came in
	private static List<String> linkValues(String frames, int block) {
		List<String> values = new ArrayList<>();
		int seen = 0;
		for (String line : frames.split("\n")) {
			int at = line.indexOf(") link: ");
			if (at >= 0 && line.contains("] recv (stream_id=")) {
				values.add(line.substring(at + ") link: ".length()));
			}
			else if (line.contains("] recv HEADERS frame")) {
				if (seen++ == block) {
					return values;
				}
				values.clear();
			}
		}
		return List.of();
	}

}
