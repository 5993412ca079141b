package io.github.h2push;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.h2push.engine.PushStatistics;
import io.github.h2push.testapp.PemFiles;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production shape: a TLS-terminating HAProxy (Debian's haproxy package) in front
 * of the app serving h2c, forwarding to it over HTTP/2 ({@code proto h2}). Skipped when
 * haproxy is missing, except on CI, where it fails.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "h2-push.ssl.self-signed=false")
class HaproxyIntegrationTests {

	private static final Duration STARTUP = Duration.ofSeconds(10);

	@LocalServerPort
	int appPort;

	@Autowired
	PushStatistics statistics;

	@TempDir
	Path directory;

	private Process haproxy;

	private int port;

	@BeforeEach
	void startHaproxy() throws Exception {
		if (!new File("/usr/sbin/haproxy").canExecute() && System.getenv("CI") == null) {
			Assumptions.abort("haproxy is not installed (apt-get install haproxy)");
		}
		Path pem = PemFiles.generate(this.directory, "proxy").writeCombined(this.directory.resolve("proxy.pem"));
		this.port = freePort();
		Path config = Files.writeString(this.directory.resolve("haproxy.cfg"), """
				global
				    maxconn 100
				defaults
				    mode http
				    timeout connect 5s
				    timeout client 30s
				    timeout server 30s
				frontend web
				    bind 127.0.0.1:%d ssl crt %s alpn h2,http/1.1
				    default_backend app
				backend app
				    server app 127.0.0.1:%d proto h2
				""".formatted(this.port, pem, this.appPort));
		this.haproxy = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("haproxy.log").toFile())
			.start();
		awaitListening();
	}

	@AfterEach
	void stopHaproxy() throws Exception {
		if (this.haproxy != null) {
			this.haproxy.destroy();
			this.haproxy.waitFor();
		}
	}

	@Test
	void passesEarlyHintsAndThenThePageToAClientThatRefusesPush() throws Exception {
		long refused = this.statistics.count(PushReason.CLIENT_REFUSED);
		String frames = Nghttp.run("-v", "--no-push", "https://127.0.0.1:" + this.port + "/page");
		int interim = frames.indexOf(":status: 103");
		assertThat(interim).as("a 103 came through HAProxy").isPositive();
		int last = frames.indexOf(":status: 200", interim);
		assertThat(last).as("then the final response").isGreaterThan(interim);
		assertThat(frames.substring(interim, last)).contains("link: </js/app.js>; rel=preload; as=script")
			.contains("link: </css/site.css>; rel=preload; as=style");
		assertThat(frames.substring(last)).contains("<html>page</html>");
		// HAProxy's own connection to the app refuses push
		assertThat(this.statistics.count(PushReason.CLIENT_REFUSED) - refused).isEqualTo(2);
	}

	private void awaitListening() {
		await().atMost(STARTUP)
			.pollInterval(Duration.ofMillis(50))
			.alias("haproxy listening on " + this.port)
			.until(this::isListening);
	}

	private boolean isListening() throws IOException {
		if (!this.haproxy.isAlive()) {
			throw new IllegalStateException(
					"haproxy exited: " + Files.readString(this.directory.resolve("haproxy.log")));
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
