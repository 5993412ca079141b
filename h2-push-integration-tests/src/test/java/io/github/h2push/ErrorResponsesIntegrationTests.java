package io.github.h2push;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A controller that throws: its pushes went out before it ran, and its error response
 * carries no preload {@code Link} header.
 */
@SpringBootTest(classes = { PushTestApplication.class, ErrorResponsesIntegrationTests.FailingController.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorResponsesIntegrationTests extends RunningServerTests {

	@Test
	void aFailingControllersPushesWentOutBeforeItRan() {
		PushClient.Exchange page = PushClient.trusting(this.certificate).get(url("/failing"), "Accept", "text/html");
		assertThat(page.response().statusCode()).isEqualTo(500);
		assertThat(page.pushedPaths()).containsExactly("/css/site.css");
	}

	@Test
	void aFailingControllersErrorResponseCarriesNoPreloadLink() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(this.certificate.createClientSslContext())
			.build();
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url("/failing"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.headers().allValues("link")).isEmpty();
	}

	@RestController
	static class FailingController {

		@GetMapping("/failing")
		@PushResources("/css/site.css")
		String failing() {
			throw new IllegalStateException("failed on purpose");
		}

	}

}
