package io.github.h2push;

import io.github.h2push.engine.LearnedHints;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Early hints learned from a page's head, over real connections.
 */
@SpringBootTest(classes = PushTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "h2-push.learn.enabled=true")
class LearnedHintsIntegrationTests extends RunningServerTests {

	private static final String CSS_LINK = "link: </css/site.css>; rel=preload; as=style";

	private static final String JS_LINK = "link: </js/app.js>; rel=preload; as=script";

	@Autowired
	LearnedHints learnedHints;

	@BeforeEach
	void forget() {
		this.learnedHints.clear();
	}

	@Test
	void sendsWhatTheFirstLoadTaughtAsEarlyHintsOnTheNextNavigation() throws Exception {
		String first = Nghttp.run("-nv", "--no-push", url("/learned-page"));
		assertThat(first).doesNotContain(":status: 103").doesNotContain("link:").contains(":status: 200");
		String next = Nghttp.run("-nv", "--no-push", "-H", "sec-fetch-mode: navigate", url("/learned-page"));
		int interim = next.indexOf(":status: 103");
		assertThat(interim).as("a 103 was received").isPositive();
		String early = next.substring(interim, next.indexOf(":status: 200", interim));
		assertThat(early).contains(CSS_LINK).contains(JS_LINK).doesNotContain("async.js").doesNotContain("cdn.example");
		assertThat(next).containsOnlyOnce(":status: 103");
	}

	@Test
	void pushesWhatTheFirstLoadTaughtToAClientThatTakesPushes() throws Exception {
		String first = Nghttp.run("-nv", url("/learned-page"));
		assertThat(first).doesNotContain("PUSH_PROMISE");
		String next = Nghttp.run("-nv", url("/learned-page"));
		assertThat(next).contains("PUSH_PROMISE").contains(":path: /css/site.css").contains(":path: /js/app.js");
	}

	@Test
	void neverSendsOneVisitorTheIdOfAnothersCapabilityUrl() throws Exception {
		Nghttp.run("-nv", "--no-push", url("/s/k7Qf2xLm9Tz"));
		String next = Nghttp.run("-nv", "--no-push", "-H", "sec-fetch-mode: navigate", url("/s/public01"));
		assertThat(next).contains(":status: 103").contains(CSS_LINK).doesNotContain("k7Qf2xLm9Tz");
	}

	@Test
	void neverSendsWhatAPageReflectedFromAnotherRequest() throws Exception {
		for (int i = 0; i < 3; i++) {
			Nghttp.run("-nv", "--no-push", "-H", "accept-language: evil", url("/theme?t=evil&next=/account/delete"));
		}
		String next = Nghttp.run("-nv", "--no-push", "-H", "sec-fetch-mode: navigate", url("/theme"));
		assertThat(next).contains(":status: 103").contains(CSS_LINK).doesNotContain("evil")
			.doesNotContain("/account/delete");
	}

}
