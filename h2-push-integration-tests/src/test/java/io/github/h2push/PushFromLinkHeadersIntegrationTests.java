package io.github.h2push;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pushes from the {@code Link: rel=preload} headers the application sets itself, over
 * real TLS + HTTP/2 connections.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PushFromLinkHeadersIntegrationTests extends RunningServerTests {

	@Test
	void pushesTheSameOriginPreloadLinksOfTheApplicationsHeadersButNotNopushOnes() {
		PushClient.Exchange page = PushClient.trusting(this.certificate).get(url("/linked"));
		assertThat(page.response().statusCode()).isEqualTo(200);
		assertThat(page.response().body()).isEqualTo("<html>linked</html>");
		assertThat(page.pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
		assertThat(page.pushes()).allSatisfy((pushed) -> assertThat(pushed.status()).isEqualTo(200));
		assertThat(page.response().headers().allValues("link")).as("the application's headers stay as they were")
			.containsExactly("</css/site.css>; rel=preload; as=style, </docs.html>; rel=preload; nopush",
					"<https://localhost:" + this.port + "/js/app.js>; rel=\"preload\"; as=script",
					"<https://cdn.example/lib.js>; rel=preload; as=script");
	}

	@Test
	void doesNotPushALinkedResourceTheConnectionAlreadyHas() {
		PushClient client = PushClient.trusting(this.certificate);
		assertThat(client.get(url("/page")).pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
		PushClient.Exchange linked = client.get(url("/linked"));
		assertThat(linked.response().statusCode()).isEqualTo(200);
		assertThat(linked.pushes()).isEmpty();
	}

	@Test
	void leavesTheHeadersToAClientThatRefusesPush() throws Exception {
		long hinted = this.statistics.count(PushOutcome.HINTED);
		String frames = Nghttp.run("-nv", "--no-push", url("/linked"));
		assertThat(frames).doesNotContain("PUSH_PROMISE")
			.doesNotContain(":status: 103")
			.contains("link: </css/site.css>; rel=preload; as=style, </docs.html>; rel=preload; nopush");
		assertThat(this.statistics.count(PushOutcome.HINTED)).isEqualTo(hinted);
	}

}
