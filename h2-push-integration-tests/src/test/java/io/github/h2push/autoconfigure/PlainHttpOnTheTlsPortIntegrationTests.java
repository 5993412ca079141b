package io.github.h2push.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A habitual {@code http://} request to the HTTPS port gets a prompt answer instead of
 * a connection that hangs.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlainHttpOnTheTlsPortIntegrationTests {

	private static final Duration PROMPT = Duration.ofSeconds(3);

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentCertificate certificate;

	@Test
	void redirectsAPlainHttpRequestToHttps() throws Exception {
		String answer = send("GET /page?x=1 HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nAccept: */*\r\n\r\n");
		assertThat(answer).startsWith("HTTP/1.1 307 Temporary Redirect\r\n")
			.contains("\r\nLocation: https://localhost:" + this.port + "/page?x=1\r\n")
			.contains("Connection: close");
	}

	@Test
	void answersAnUnreadableRequestWithABadRequestSayingTlsIsNeeded() throws Exception {
		assertThat(send("hello\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request\r\n")
			.endsWith("This port serves HTTPS: use https:// instead of http://.\n");
	}

	@Test
	void stillServesHttp2OverTls() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_2)
			.sslContext(this.certificate.createClientSslContext())
			.build();
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create("https://localhost:" + this.port + "/plain")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(response.body()).isEqualTo("plain");
		}
	}

	private String send(String request) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 1000);
			socket.setSoTimeout((int) PROMPT.toMillis());
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			try {
				for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
					received.write(buffer, 0, read);
				}
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError("No answer within " + PROMPT + "; received '"
						+ received.toString(StandardCharsets.ISO_8859_1) + "'");
			}
			return received.toString(StandardCharsets.ISO_8859_1);
		}
	}

}
