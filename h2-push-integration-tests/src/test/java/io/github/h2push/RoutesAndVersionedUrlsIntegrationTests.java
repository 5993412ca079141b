package io.github.h2push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.DigestUtils;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushes declared in {@code h2-push.routes} for a static page, and pushes under the
 * versioned URL when Spring's resource versioning is on.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "h2-push.routes[0].pattern=/docs.html", "h2-push.routes[0].resources=/css/site.css",
				"h2-push.routes[1].pattern=/doc*.html", "h2-push.routes[1].resources=/css/site.css,/js/app.js",
				"spring.web.resources.chain.strategy.content.enabled=true",
				"spring.web.resources.chain.strategy.content.paths=/css/**" })
class RoutesAndVersionedUrlsIntegrationTests extends RunningServerTests {

	@Test
	void pushesVersionedUrlsOfTheRoutesMatchingAStaticPage() throws Exception {
		PushClient.Exchange page = PushClient.trusting(this.certificate).get(url("/docs.html"));
		assertThat(page.response().statusCode()).isEqualTo(200);
		assertThat(page.response().body()).contains("docs");
		String versionedCss = "/css/site-" + DigestUtils.md5DigestAsHex(bytes("static/css/site.css")) + ".css";
		assertThat(page.pushedPaths()).containsExactly(versionedCss, "/js/app.js");
		assertThat(page.pushes().get(0).status()).isEqualTo(200);
		assertThat(page.pushes().get(0).body()).isEqualTo(new String(bytes("static/css/site.css"), StandardCharsets.UTF_8));
	}

	@Test
	void pushesTheVersionedUrlOfAnAnnotatedResource() throws Exception {
		PushClient.Exchange page = PushClient.trusting(this.certificate).get(url("/page"));
		assertThat(page.pushedPaths()).containsExactly(
				"/css/site-" + DigestUtils.md5DigestAsHex(bytes("static/css/site.css")) + ".css", "/js/app.js");
	}

	@Test
	void hintsTheVersionedUrl() throws Exception {
		String frames = Nghttp.run("-nv", "--no-push", url("/page"));
		assertThat(frames).contains("link: </css/site-" + DigestUtils.md5DigestAsHex(bytes("static/css/site.css"))
				+ ".css>; rel=preload; as=style");
	}

	@Test
	void anErrorUnderARouteKeepsNoPreloadLinks() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(this.certificate.createClientSslContext())
			.build();
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(url("/docs.html"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().allValues("link")).isNotEmpty();
		HttpResponse<String> missing = client.send(
				HttpRequest.newBuilder(URI.create(url("/doc-missing.html"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().allValues("link")).isEmpty();
	}

	@Test
	void pushesNothingForPagesNoRouteMatches() {
		assertThat(PushClient.trusting(this.certificate).get(url("/plain")).pushes()).isEmpty();
	}

	private static byte[] bytes(String path) throws Exception {
		return StreamUtils.copyToByteArray(new ClassPathResource(path).getInputStream());
	}

}
