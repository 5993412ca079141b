package io.github.h2push;

import java.util.Arrays;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.engine.PushStatistics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the integration tests against a running test app share: its port, its
 * development certificate (for clients to trust), its push statistics and URLs.
 */
abstract class RunningServerTests {

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentCertificate certificate;

	@Autowired
	PushStatistics statistics;

	String url(String path) {
		return "https://localhost:" + this.port + path;
	}

	/**
	 * How many threads of this JVM, where the server runs, wait to write to an HTTP/2
	 * stream: for the client's flow-control window, or for the frames queued ahead of
	 * theirs to be sent.
	 * @return the count
	 */
	static int blockedWriters() {
		return (int) Thread.getAllStackTraces()
			.values()
			.stream()
			.filter((stack) -> Arrays.stream(stack)
				.anyMatch((frame) -> frame.getMethodName().equals("awaitWritable")
						&& frame.getClassName().endsWith("AbstractFramedStreamSinkChannel")))
			.count();
	}

}
