package io.github.h2push;

import java.util.List;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cookie cache digest keeps a returning client, on a new connection, from being
 * pushed what it was pushed before.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "h2-push.dedup.cache-digest.enabled=true", "h2-push.dedup.cache-digest.max-age=1h" })
class CacheDigestIntegrationTests extends RunningServerTests {

	@Test
	void doesNotPushWhatAReturningClientWasPushed() {
		PushClient.Exchange first = PushClient.trusting(this.certificate).get(url("/page"));
		assertThat(first.pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
		List<String> setCookie = first.response().headers().allValues("set-cookie");
		assertThat(setCookie).singleElement()
			.asString()
			.matches("h2push-digest=[A-Za-z0-9_-]{86}; Path=/; Max-Age=3600; Expires=.*; Secure; HttpOnly; SameSite=Lax");
		String cookie = setCookie.get(0).substring(0, setCookie.get(0).indexOf(';'));

		PushClient.Exchange returning = PushClient.trusting(this.certificate).get(url("/page"), "Cookie", cookie);
		assertThat(returning.response().statusCode()).isEqualTo(200);
		assertThat(returning.pushes()).isEmpty();
		assertThat(returning.response().headers().allValues("link")).isEmpty();
		assertThat(returning.response().headers().allValues("set-cookie")).isEmpty();

		PushClient.Exchange other = PushClient.trusting(this.certificate).get(url("/big-page"), "Cookie", cookie);
		assertThat(other.pushedPaths()).containsExactly("/big.txt");
	}

	@Test
	void ignoresAMalformedDigest() {
		PushClient.Exchange page = PushClient.trusting(this.certificate)
			.get(url("/page"), "Cookie", "h2push-digest=not-a-digest");
		assertThat(page.pushedPaths()).containsExactly("/css/site.css", "/js/app.js");
	}

}
