package io.github.h2push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code 103 Early Hints} for clients that refuse push, over real connections.
 */
class EarlyHintsIntegrationTests {

	private static final String CSS_LINK = "link: </css/site.css>; rel=preload; as=style";

	private static final String JS_LINK = "link: </js/app.js>; rel=preload; as=script";

	@Nested
	@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	class ByDefault extends RunningServerTests {

		@Test
		void sendsEarlyHintsThenTheFullResponseToAClientThatRefusesPush() throws Exception {
			long earlyHinted = this.statistics.count(PushOutcome.EARLY_HINTED);
			String base = url("");
			// two requests on one connection: the connection keeps working after a 103
			String frames = Nghttp.run("-nv", "--no-push", base + "/page", base + "/plain");
			assertThat(frames).contains("ENABLE_PUSH(0x02):0").doesNotContain("PUSH_PROMISE");
			int interim = frames.indexOf(":status: 103");
			int last = frames.lastIndexOf(":status: 200");
			assertThat(interim).as("a 103 was received").isPositive();
			String early = frames.substring(interim, frames.indexOf(":status: 200", interim));
			assertThat(early).contains(CSS_LINK).contains(JS_LINK);
			String finalResponse = frames.substring(frames.indexOf(":status: 200", interim));
			assertThat(finalResponse).contains(CSS_LINK).contains(JS_LINK);
			assertThat(frames.substring(last)).as("second response").contains("recv DATA frame");
			assertThat(frames).containsOnlyOnce(":status: 103");
			assertThat(this.statistics.count(PushOutcome.EARLY_HINTED) - earlyHinted).isEqualTo(2);
		}

		@Test
		void letsThePushClientSeeTheEarlyHintsABrowserGets() {
			PushClient.PageLoad page = PushClient.trusting(this.certificate).navigate(url("/page"));
			assertThat(page.earlyHints()).hasSize(1);
			assertThat(page.earlyHints().get(0).toSingleValueMap().keySet()).containsOnly("link");
			assertThat(page.earlyHintedPaths()).containsExactlyInAnyOrder("/css/site.css", "/js/app.js");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.headers().get("link")).contains("</css/site.css>; rel=preload; as=style",
					"</js/app.js>; rel=preload; as=script");
			PushClient.PageLoad fetch = PushClient.trusting(this.certificate)
				.navigate(url("/page"), "sec-fetch-mode", "cors", "sec-fetch-dest", "empty");
			assertThat(fetch.earlyHints()).isEmpty();
			assertThat(fetch.status()).isEqualTo(200);
		}

		@Test
		void sendsEarlyHintsForANavigationButNotForAFetch() throws Exception {
			long hinted = this.statistics.count(PushOutcome.HINTED);
			String url = url("/page");
			String navigation = Nghttp.run("-nv", "--no-push", "-H", "sec-fetch-mode: navigate", url);
			assertThat(navigation).containsOnlyOnce(":status: 103");
			String fetch = Nghttp.run("-nv", "--no-push", "-H", "sec-fetch-mode: cors", url);
			assertThat(fetch).doesNotContain(":status: 103").contains(":status: 200");
			assertThat(fetch.substring(fetch.indexOf(":status: 200"))).contains(CSS_LINK).contains(JS_LINK);
			assertThat(this.statistics.count(PushOutcome.HINTED) - hinted).isEqualTo(2);
		}

		@Test
		void sendsNoEarlyHintsOverHttp11() throws Exception {
			String response = http1(this.port, this.certificate, "HTTP/1.1");
			assertThat(response).startsWith("HTTP/1.1 200").doesNotContain("103");
			assertThat(response.toLowerCase()).contains(CSS_LINK).contains(JS_LINK);
		}

		@Test
		void sendsNoEarlyHintsToAClientThatTakesPushes() throws Exception {
			String frames = Nghttp.run("-nv", url("/page"));
			assertThat(frames).contains("PUSH_PROMISE").doesNotContain(":status: 103").doesNotContain("link:");
		}

		@Test
		void sendsNoEarlyHintsOnAPushedStream() throws Exception {
			// the pushed page declares a resource of its own, which it can only hint; a 103 on the
			// pushed stream could overtake its PUSH_PROMISE
			String frames = Nghttp.run("-nv", "-H", "sec-fetch-mode: navigate", url("/pushes-nested"));
			assertThat(frames).contains("PUSH_PROMISE").contains("link: </js/app.js>; rel=preload")
				.doesNotContain(":status: 103");
		}

	}

	@Nested
	@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "h2-push.early-hints.over-http1=true")
	class OverHttp11WhenAskedFor extends RunningServerTests {

		@Test
		void sendsEarlyHintsOverHttp11() throws Exception {
			String response = http1(this.port, this.certificate, "HTTP/1.1");
			assertThat(response).startsWith("HTTP/1.1 103 Early Hints\r\n");
			String early = response.substring(0, response.indexOf("\r\n\r\n"));
			assertThat(early.toLowerCase()).contains(CSS_LINK).contains(JS_LINK);
			assertThat(response.substring(early.length())).contains("HTTP/1.1 200").endsWith("<html>page</html>");
		}

		@Test
		void neverSendsEarlyHintsOverHttp10() throws Exception {
			String response = http1(this.port, this.certificate, "HTTP/1.0");
			assertThat(response).startsWith("HTTP/1.0 200").doesNotContain("103").endsWith("<html>page</html>");
		}

	}

	@Nested
	@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "h2-push.early-hints.enabled=false")
	class WhenOff extends RunningServerTests {

		@Test
		void sendsOnlyLinkHeaders() throws Exception {
			String frames = Nghttp.run("-nv", "--no-push", url("/page"));
			assertThat(frames).doesNotContain(":status: 103").contains(CSS_LINK).contains(JS_LINK);
		}

	}

	// A raw TLS connection: the JDK client treats any 1xx over HTTP/1.1 as an error
	private static String http1(int port, DevelopmentCertificate certificate, String version) throws IOException {
		try (SSLSocket socket = (SSLSocket) certificate.createClientSslContext()
			.getSocketFactory()
			.createSocket("localhost", port)) {
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setApplicationProtocols(new String[] { "http/1.1" });
			socket.setSSLParameters(parameters);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /page " + version + "\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return StreamUtils.copyToString(in, StandardCharsets.ISO_8859_1);
		}
	}

}
