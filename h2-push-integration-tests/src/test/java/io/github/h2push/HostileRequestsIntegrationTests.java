package io.github.h2push;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import io.github.h2push.RawHttp2Client.Ending;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests crafted to make the server push for another origin, lose the page, copy
 * large headers, push for a request without a body, or fail: each is served, and
 * nothing is pushed that should not be.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsIntegrationTests extends RunningServerTests {

	private static final String CSS_LINK = "link: </css/site.css>; rel=preload; as=style";

	private static final String JS_LINK = "link: </js/app.js>; rel=preload; as=script";

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1:PORT@evil.example", "[::1]:PORT@evil.example", "localhost:PORT@evil.example",
			"127.0.0.1:PORT/evil", "127.0.0.1:PORT?x", "127.0.0.1:PORT evil.example",
			"127.0.0.1:LONG_PORT", "127.0.0.1:99999", "localhost:-1", "localhost:PORT:PORT", "::1",
			"[::1]x", "[::1%lo]:PORT", "" })
	void doesNotPushForAnAuthorityThatIsNotWhollyAHostAndPort(String template) throws Exception {
		String authority = template.replace("LONG_PORT", "4".repeat(7000))
			.replace("PORT", Integer.toString(this.port));
		// nghttp refuses to send most of these
		RawHttp2Client.Response response = rawGet(authority, "/page");
		assertThat(response.promises()).as(template).isEmpty();
		assertThat(response.ending()).as(template).isEqualTo(Ending.END_STREAM);
		assertThat(response.status()).as(template).isEqualTo(200);
		assertThat(response.body()).as(template).isEqualTo("<html>page</html>");
		assertThat(response.headerBlocks().get(response.headerBlocks().size() - 1).get("link")).as(template)
			.isEqualTo("</css/site.css>; rel=preload; as=style, </js/app.js>; rel=preload; as=script");
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1:PORT@evil.example", "127.0.0.1:PORT/evil", "127.0.0.1:PORT?x" })
	void doesNotPushForAnAuthorityThatIsNotWhollyAHostAndPortWithNghttp(String template) throws Exception {
		String authority = template.replace("PORT", Integer.toString(this.port));
		String frames = Nghttp.run("-nv", "-H", ":authority: " + authority, url("/page"));
		assertThat(frames).as(template)
			.doesNotContain("PUSH_PROMISE")
			.contains(":status: 200")
			.contains(CSS_LINK)
			.contains(JS_LINK)
			.contains("recv DATA frame");
	}

	@Test
	void pushesForAValidAuthorityUnderItsCanonicalForm() throws Exception {
		for (String authority : List.of("localhost:" + this.port, "LOCALHOST:" + this.port, "LocalHost",
				"127.0.0.1:" + this.port, "[::1]:" + this.port, "[0:0:0:0:0:0:0:1]:" + this.port)) {
			String canonical = authority.toLowerCase().replace("0:0:0:0:0:0:0:1", "::1");
			List<Map<String, String>> promises = Nghttp
				.promises(Nghttp.run("-nv", "-H", ":authority: " + authority, url("/page")));
			assertThat(promises).as(authority)
				.extracting((promise) -> promise.get(":path"))
				.containsExactly("/css/site.css", "/js/app.js");
			assertThat(promises).as(authority)
				.extracting((promise) -> promise.get(":authority"))
				.containsOnly(canonical);
		}
	}

	@Test
	void servesThePageWithoutPushesToAClientAllowingNoConcurrentStreams(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		String frames = Nghttp.run("-nv", "--max-concurrent-streams=0", url("/page"), url("/faulty"));
		assertThat(frames).contains("SETTINGS_MAX_CONCURRENT_STREAMS(0x03):0")
			.doesNotContain("PUSH_PROMISE")
			.doesNotContain("recv GOAWAY")
			.doesNotContain("recv RST_STREAM")
			.doesNotContain("PROTOCOL_ERROR")
			.contains(CSS_LINK)
			.contains(JS_LINK);
		assertThat(frames.split(":status: 200", -1)).as("two pages served").hasSize(3);
		assertThat(frames.split("END_STREAM", -1)).as("two requests and two responses ended").hasSize(5);
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain(" WARN ");
	}

	@Test
	void leavesAnOversizedHeaderOutOfThePromises() throws Exception {
		String userAgent = "agent/" + "x".repeat(7 * 1024);
		String frames = Nghttp.run("-nv", "-H", "user-agent: " + userAgent, "-H", "accept-language: fr",
				url("/page"));
		List<Map<String, String>> promises = Nghttp.promises(frames);
		assertThat(promises).extracting((promise) -> promise.get(":path"))
			.containsExactly("/css/site.css", "/js/app.js");
		assertThat(promises).allSatisfy((promise) -> {
			assertThat(promise).doesNotContainKey("user-agent").containsEntry("accept-language", "fr");
			assertThat(String.join("", promise.values())).hasSizeLessThan(2048);
		});
		assertThat(frames).contains(":status: 200").contains("recv DATA frame");
	}

	@Test
	void doesNotPushForAHeadRequest() throws Exception {
		long pushed = this.statistics.count(PushOutcome.PUSHED);
		String frames = Nghttp.run("-nv", "-H", ":method: HEAD", url("/page"));
		assertThat(frames).doesNotContain("PUSH_PROMISE").contains(":status: 200").contains(CSS_LINK);
		assertThat(this.statistics.count(PushOutcome.PUSHED)).isEqualTo(pushed);
		// a GET still gets them
		assertThat(Nghttp.promises(Nghttp.run("-nv", url("/page")))).hasSize(2);
	}

	@Test
	void promisesUseTheConnectionsSchemeWhateverTheRequestSays() throws Exception {
		String frames = Nghttp.run("-nv", "-H", ":scheme: http", url("/page"));
		assertThat(frames).contains(":scheme: http\n");
		List<Map<String, String>> promises = Nghttp.promises(frames);
		assertThat(promises).extracting((promise) -> promise.get(":path"))
			.containsExactly("/css/site.css", "/js/app.js");
		assertThat(promises).extracting((promise) -> promise.get(":scheme")).containsOnly("https");
	}

	@Test
	void answersBadRequestToAnAuthorityUndertowCannotParse(CapturedOutput output) throws Exception {
		int logged = output.getAll().length();
		// nghttp refuses to send it
		RawHttp2Client.Response response = rawGet("[::1", "/server-name");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.promises()).isEmpty();
		assertThat(response.ending()).isEqualTo(Ending.END_STREAM);
		assertThat(http11("[::1")).startsWith("HTTP/1.1 400");
		assertThat(output.getAll().substring(logged)).doesNotContain("ERROR").doesNotContain("Exception");
		RawHttp2Client.Response valid = rawGet("[::1]:" + this.port, "/server-name");
		assertThat(valid.status()).isEqualTo(200);
		assertThat(valid.body()).isEqualTo("::1");
		assertThat(valid.promises()).hasSize(1);
	}

	// one GET on a new connection, read until its stream ends, is reset, or the server goes away
	private RawHttp2Client.Response rawGet(String authority, String path) throws IOException {
		try (RawHttp2Client client = RawHttp2Client.connect(this.certificate.createClientSslContext(), this.port)) {
			int stream = client.get(path, ":authority", authority);
			client.readUntilEnded(stream);
			return client.response(stream);
		}
	}

	private String http11(String host) throws IOException {
		try (SSLSocket socket = (SSLSocket) this.certificate.createClientSslContext()
			.getSocketFactory()
			.createSocket("localhost", this.port)) {
			SSLParameters parameters = socket.getSSLParameters();
			parameters.setApplicationProtocols(new String[] { "http/1.1" });
			socket.setSSLParameters(parameters);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /server-name HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return StreamUtils.copyToString(in, StandardCharsets.ISO_8859_1);
		}
	}

}
