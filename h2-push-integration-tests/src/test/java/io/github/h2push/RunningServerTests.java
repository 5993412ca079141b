package io.github.h2push;

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

}
