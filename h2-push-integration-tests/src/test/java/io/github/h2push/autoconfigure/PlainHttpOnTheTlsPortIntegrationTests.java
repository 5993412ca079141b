package io.github.h2push.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A habitual {@code http://} request to the HTTPS port gets a prompt answer instead of
 * a connection that hangs, also on a connection accepted as the port opens.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.undertow.no-request-timeout=2s")
@Import(PlainHttpOnTheTlsPortIntegrationTests.ConnectionAsThePortOpens.class)
class PlainHttpOnTheTlsPortIntegrationTests {

	private static final Duration PROMPT = Duration.ofSeconds(3);

	// the no-request-timeout set above
	private static final Duration NO_REQUEST_TIMEOUT = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentCertificate certificate;

	@Autowired
	ConnectionAsThePortOpens connectionAsThePortOpens;

	@Test
	void redirectsAPlainHttpRequestToHttps() throws Exception {
		String answer = send(this.port, "GET /page?x=1 HTTP/1.1\r\nHost: localhost:" + this.port
				+ "\r\nAccept: */*\r\n\r\n", PROMPT);
		assertThat(answer).startsWith("HTTP/1.1 307 Temporary Redirect\r\n")
			.contains("\r\nLocation: https://localhost:" + this.port + "/page?x=1\r\n")
			.contains("Connection: close");
	}

	@Test
	void answersAnUnreadableRequestWithABadRequestSayingTlsIsNeeded() throws Exception {
		assertThat(send(this.port, "hello\r\n\r\n", PROMPT)).startsWith("HTTP/1.1 400 Bad Request\r\n")
			.endsWith("This port serves HTTPS: use https:// instead of http://.\n");
	}

	@Test
	void doesNotKeepAPlainHttpConnectionAcceptedAsThePortOpensWaiting() throws Throwable {
		// accepted and answered before the answering listener is installed: Undertow's TLS
		// rejects it with an alert and closes it
		String answer = this.connectionAsThePortOpens.answer();
		assertThat(answer).isNotEmpty();
		assertThat(answer.charAt(0)).as("TLS record type").isEqualTo((char) 0x15);
	}

	@Test
	void closesAConnectionThatSendsNothingAfterTheNoRequestTimeout() throws Exception {
		long start = System.nanoTime();
		String answer = send(this.port, "", NO_REQUEST_TIMEOUT.plus(PROMPT));
		assertThat(answer).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(NO_REQUEST_TIMEOUT);
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

	// everything the server sends until it closes the connection
	static String send(int port, String request, Duration within) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			socket.setSoTimeout((int) within.toMillis());
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
				throw new AssertionError("Connection still open after " + within + "; received '"
						+ received.toString(StandardCharsets.ISO_8859_1) + "'");
			}
			return received.toString(StandardCharsets.ISO_8859_1);
		}
	}

	/**
	 * Sends a plain HTTP request as soon as the server has started, before any other
	 * listener of the event runs, and waits for the answer there: the connection is
	 * certainly accepted before h2-push installs its listener on the port.
	 */
	static class ConnectionAsThePortOpens implements ApplicationListener<WebServerInitializedEvent>, Ordered {

		private String answer;

		private Throwable failure;

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			int port = event.getWebServer().getPort();
			try {
				this.answer = send(port, "GET /page HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n", PROMPT);
			}
			catch (Throwable ex) {
				this.failure = ex;
			}
		}

		String answer() throws Throwable {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.answer;
		}

	}

}
