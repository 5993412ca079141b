package io.github.h2push;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application under {@code server.servlet.context-path}: declared paths are relative
 * to it, as Spring's {@code @{/css/site.css}} is, so pushes and hints carry the context
 * path, the pushed requests reach the application, and a connection keeps pushing page
 * after page.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.servlet.context-path=/app")
class ContextPathIntegrationTests extends RunningServerTests {

	@Test
	void pushesUnderTheContextPathOnEveryPageOfAConnection() {
		// one connection, page after page: more pushed responses than it may have in flight at once
		PushClient client = PushClient.trusting(this.certificate);
		for (int i = 1; i <= 15; i++) {
			String pushedPath = "/app/css/site.css?v=" + i;
			PushClient.Exchange page = client.get(url("/app/programmatic?path=/css/site.css%3Fv%3D" + i));
			assertThat(page.response().body()).as("page %d", i).isEqualTo("PUSHED");
			assertThat(page.pushes()).singleElement().satisfies((pushed) -> {
				assertThat(pushed.path()).isEqualTo(pushedPath);
				assertThat(pushed.status()).isEqualTo(200);
			});
		}
	}

	@Test
	void hintsUnderTheContextPath() throws Exception {
		String frames = Nghttp.run("-nv", "--no-push", url("/app/page"));
		assertThat(frames).contains("link: </app/css/site.css>; rel=preload; as=style")
			.contains("link: </app/js/app.js>; rel=preload; as=script")
			.doesNotContain("link: </css/site.css>");
	}

}
