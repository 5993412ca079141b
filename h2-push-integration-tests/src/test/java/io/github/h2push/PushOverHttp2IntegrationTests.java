package io.github.h2push;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushes over real TLS + HTTP/2 connections with the JDK client.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PushOverHttp2IntegrationTests extends RunningServerTests {

	@Test
	void pushesDeclaredResourcesWithCopiedHeaders() throws Exception {
		PushClient client = PushClient.trusting(this.certificate);
		PushClient.Exchange page = client.get(url("/page"), "Accept", "text/html", "Accept-Language", "fr",
				"User-Agent", "push-test/1.0", "Authorization", "Bearer secret", "Cookie", "session=secret",
				"X-Custom", "custom");
		assertThat(page.response().version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(page.response().statusCode()).isEqualTo(200);
		assertThat(page.response().body()).isEqualTo("<html>page</html>");
		assertThat(page.pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
		for (PushClient.PushedResponse pushed : page.pushes()) {
			assertThat(pushed.promiseHeaders().keySet()).map(String::toLowerCase)
				.containsExactlyInAnyOrder("accept", "accept-language", "user-agent");
			assertThat(pushed.promiseHeaders().getFirst("accept")).isEqualTo("text/html");
			assertThat(pushed.promiseHeaders().getFirst("accept-language")).isEqualTo("fr");
			assertThat(pushed.promiseHeaders().getFirst("user-agent")).isEqualTo("push-test/1.0");
			assertThat(pushed.status()).isEqualTo(200);
			assertThat(pushed.body()).isEqualTo(resource("static" + pushed.path()));
		}
		assertThat(page.response().headers().allValues("link")).isEmpty();
	}

	@Test
	void pushesProgrammatically() {
		PushClient client = PushClient.trusting(this.certificate);
		PushClient.Exchange page = client.get(url("/programmatic?path=/js/app.js"));
		assertThat(page.response().body()).isEqualTo("PUSHED");
		assertThat(page.pushedPaths()).containsExactly("/js/app.js");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example/x.js", "//evil.example/x.js", "/a.css\r\nSet-Cookie: x=y",
			"/static/../../etc/passwd", "/%2e%2e/secret", "/caf\u00e9.css", "LONG" })
	void rejectsBadProgrammaticPushesWithAReasonAndServesThePage(String path, CapturedOutput output) {
		// a path over 8 KB does not fit in a request header: the application builds it
		String uri = path.equals("LONG") ? "/programmatic?repeat=9000&path=a"
				: "/programmatic?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
		PushClient.Exchange page = PushClient.trusting(this.certificate).get(url(uri));
		assertThat(page.response().statusCode()).isEqualTo(200);
		assertThat(page.response().body()).isEqualTo("REJECTED");
		assertThat(page.pushes()).isEmpty();
		assertThat(page.response().headers().allValues("link")).isEmpty();
		assertThat(output.getAll()).contains("Rejected push of '").contains("for GET /programmatic: the path");
	}

	@Test
	void rejectsBadProgrammaticPushAndStillServesThePage() {
		PushClient client = PushClient.trusting(this.certificate);
		PushClient.Exchange page = client.get(url("/programmatic?path=//evil.example/x.js"));
		assertThat(page.response().statusCode()).isEqualTo(200);
		assertThat(page.response().body()).isEqualTo("REJECTED");
		assertThat(page.pushes()).isEmpty();
		assertThat(page.response().headers().allValues("link")).isEmpty();
	}

	@Test
	void pushesEachResourceOncePerConnection() {
		PushClient client = PushClient.trusting(this.certificate);
		assertThat(client.get(url("/page")).pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
		PushClient.Exchange again = client.get(url("/page"));
		assertThat(again.response().statusCode()).isEqualTo(200);
		assertThat(again.pushes()).isEmpty();
		assertThat(again.response().headers().allValues("link")).isEmpty();
		PushClient.Exchange second = client.get(url("/programmatic?path=/js/app.js"));
		assertThat(second.response().body()).isEqualTo("DUPLICATE");
		assertThat(second.pushes()).isEmpty();
		assertThat(second.response().headers().allValues("link")).isEmpty();
		PushClient other = PushClient.trusting(this.certificate);
		assertThat(other.get(url("/page")).pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
	}

	@Test
	void doesNotPushForAnotherOrigin() throws Exception {
		for (String authority : new String[] { ":authority: evil.example", ":authority: evil.example:" + this.port,
				":authority: 127.0.0.2:" + this.port, ":authority: 1.2.3.4.5" }) {
			String frames = Nghttp.run("-nv", "-H", authority, url("/page"));
			assertThat(frames).as(authority)
				.doesNotContain("PUSH_PROMISE")
				.contains(":status: 200")
				.contains("link: </css/site.css>; rel=preload; as=style");
		}
		// the certificate covers localhost, whatever the port (a port mapping or a proxy)
		assertThat(Nghttp.run("-nv", "-H", ":authority: localhost:9443", url("/page"))).contains("PUSH_PROMISE");
	}

	@Test
	void hintsInsteadOfPushingToAClientThatRefusesPush() throws Exception {
		String frames = Nghttp.run("-nv", "--no-push", url("/page"));
		assertThat(frames).contains("ENABLE_PUSH(0x02):0")
			.doesNotContain("PUSH_PROMISE")
			.contains(":status: 200")
			.contains("link: </css/site.css>; rel=preload; as=style")
			.contains("link: </js/app.js>; rel=preload; as=script");
	}

	@Test
	void hintsInsteadOfPushingFromAPushedRequest() {
		PushClient client = PushClient.trusting(this.certificate);
		PushClient.Exchange page = client.get(url("/pushes-nested"));
		assertThat(page.pushedPaths()).containsExactly("/nested");
		PushClient.PushedResponse nested = page.pushes().get(0);
		assertThat(nested.body()).isEqualTo("nested");
		assertThat(nested.headers().get("link")).containsExactly("</js/app.js>; rel=preload; as=script");
	}

	@Test
	void hintsInsteadOfPushingOverHttp11() throws Exception {
		HttpClient http11 = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(this.certificate.createClientSslContext())
			.build();
		HttpResponse<String> response = http11.send(HttpRequest.newBuilder(URI.create(url("/page"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("link")).containsExactly("</css/site.css>; rel=preload; as=style",
				"</js/app.js>; rel=preload; as=script");
	}

	private static String resource(String path) throws Exception {
		return StreamUtils.copyToString(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
	}

}
