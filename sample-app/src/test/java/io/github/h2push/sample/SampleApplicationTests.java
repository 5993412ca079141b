package io.github.h2push.sample;

import java.net.http.HttpClient;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import io.github.h2push.test.PushClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app over a real TLS + HTTP/2 connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentCertificate certificate;

	@Test
	void homePagePushesItsAssetsOverHttp2() {
		PushClient client = PushClient.trusting(this.certificate);
		PushClient.Exchange page = client.get("https://localhost:" + this.port + "/", "Accept", "text/html",
				"Cookie", "session=secret");
		assertThat(page.response().version()).isEqualTo(HttpClient.Version.HTTP_2);
		assertThat(page.response().body()).contains("<link rel=\"stylesheet\" href=\"/css/site.css\">");
		assertThat(page.pushedPaths()).containsExactly("/css/site.css", "/js/app.js", "/img/logo.svg");
		assertThat(page.pushes()).allSatisfy((pushed) -> {
			assertThat(pushed.status()).isEqualTo(200);
			assertThat(pushed.promiseHeaders().getFirst("accept")).isEqualTo("text/html");
			assertThat(pushed.promiseHeaders().containsKey("cookie")).isFalse();
		});
		assertThat(page.pushes().get(0).body()).startsWith("/* h2-push sample site stylesheet */");
		assertThat(page.pushes().get(2).body()).contains("<svg");
	}

	@Test
	void aboutPagePushesProgrammatically() {
		PushClient client = PushClient.trusting(this.certificate);
		assertThat(client.get("https://localhost:" + this.port + "/about").pushedPaths())
			.containsExactly("/css/site.css", "/img/logo.svg");
	}

}
