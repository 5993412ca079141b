package io.github.h2push;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CORS-mode request without {@code Origin} (how Chromium preloads a font a
 * {@code 103 Early Hints} response names) gets a response that does not vary by
 * origin, so the page's own request for the font, which has an {@code Origin}, can use
 * it.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EarlyHintsVaryIntegrationTests extends RunningServerTests {

	@Test
	void earlyHintsPreloadGetsAResponseThatDoesNotVaryByOrigin() {
		PushClient.Exchange preload = PushClient.trusting(this.certificate)
			.get(url("/css/site.css"), "Sec-Fetch-Mode", "cors", "Sec-Fetch-Dest", "font");
		assertThat(preload.response().statusCode()).isEqualTo(200);
		assertThat(String.join(",", preload.response().headers().allValues("vary"))).doesNotContainIgnoringCase("origin");
		// a shared cache must not hand this response, which has no CORS headers, to another site
		assertThat(preload.response().headers().firstValue("cache-control")).hasValueSatisfying(
				(cacheControl) -> assertThat(cacheControl).startsWith("private"));
	}

	@Test
	void requestsWithAnOriginKeepVaryOrigin() {
		PushClient.Exchange page = PushClient.trusting(this.certificate)
			.get(url("/css/site.css"), "Sec-Fetch-Mode", "cors", "Origin", url(""));
		assertThat(page.response().headers().allValues("vary")).contains("Origin");
		assertThat(page.response().headers().firstValue("cache-control").orElse("")).doesNotContain("private");
	}

	@Test
	void noCorsRequestsAreLeftAlone() {
		PushClient.Exchange plain = PushClient.trusting(this.certificate).get(url("/css/site.css"));
		assertThat(plain.response().headers().allValues("vary")).contains("Origin");
	}

}
