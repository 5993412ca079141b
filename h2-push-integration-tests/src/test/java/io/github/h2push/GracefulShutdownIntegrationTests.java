package io.github.h2push;

import java.time.Duration;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graceful shutdown does not wait for pushed responses whose client has gone away.
 */
class GracefulShutdownIntegrationTests {

	private static final int CLIENTS = 40;

	// the shutdown's own timeout is 30 s; without pushes it takes a fraction of a second
	private static final Duration SHUT_DOWN_WITHIN = Duration.ofSeconds(5);

	@Test
	void shutsDownPromptlyAfterClientsWentAwayInTheMiddleOfPushes() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PushTestApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.shutdown=graceful", "h2-push.dedup.per-connection=0")
			.run();
		long millis;
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			DevelopmentCertificate certificate = context.getBean(DevelopmentCertificate.class);
			for (int i = 0; i < CLIENTS; i++) {
				RawHttp2Client client = RawHttp2Client.connect(certificate.createClientSslContext(), port);
				for (int page = 0; page < 3; page++) {
					client.get("/big-page");
					client.get("/page");
				}
				// gone while the pushes, larger than their streams' window, are under way
				client.readUntil(() -> client.pushPromises() > 0);
				client.close();
			}
		}
		finally {
			long start = System.nanoTime();
			context.close();
			millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		}
		System.out.printf("graceful shutdown after %d clients went away in the middle of pushes: %d ms%n", CLIENTS,
				millis);
		assertThat(millis).isLessThan(SHUT_DOWN_WITHIN.toMillis());
	}

}
