package io.github.h2push.testapp;

import jakarta.servlet.http.Cookie;

import io.github.h2push.PushAccessPolicy;
import io.github.h2push.engine.LearnedHints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.h2push.test.PushPromiseMatchers.pushPromises;
import static io.github.h2push.test.PushRequestPostProcessors.pushRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * Early hints learned from the pages themselves, in the {@code @WebMvcTest} slice.
 */
@WebMvcTest(PushTestApplication.LearnedController.class)
@TestPropertySource(properties = { "h2-push.learn.enabled=true", "h2-push.learn.sample-every=2" })
@Import(LearnedHintsTests.DenySecrets.class)
class LearnedHintsTests {

	private static final String KEY = "io.github.h2push.testapp.PushTestApplication$LearnedController"
			+ "#learnedPage(String)";

	@Autowired
	MockMvc mvc;

	@Autowired
	LearnedHints learnedHints;

	@Autowired
	PushTestApplication.LearnedController controller;

	@BeforeEach
	void forget() {
		this.learnedHints.clear();
		this.controller.setStylesheet("");
	}

	@Test
	void learnsTheRenderBlockingResourcesOfTheHeadAndHintsThemOnTheNextNavigation() throws Exception {
		this.mvc.perform(get("/learned-page").with(pushRefused()))
			.andExpect(pushPromises().hinted())
			.andExpect(header().doesNotExist("Link"))
			.andExpect(pushPromises().learned("/css/site.css", "/js/app.js"));
		this.mvc.perform(get("/learned-page").with(pushRefused()).header("Sec-Fetch-Mode", "navigate"))
			.andExpect(pushPromises().hinted("/css/site.css", "/js/app.js"))
			.andExpect(header().stringValues("Link", "</css/site.css>; rel=preload; as=style",
					"</js/app.js>; rel=preload; as=script"));
		assertThat(this.learnedHints.getPlans()).containsOnlyKeys(KEY);
		assertThat(this.learnedHints.getPlans().get(KEY).hits()).isEqualTo(1);
	}

	@Test
	void pushesLearnedResourcesToAClientThatTakesPushes() throws Exception {
		this.mvc.perform(get("/learned-page")).andExpect(pushPromises().none());
		this.mvc.perform(get("/learned-page")).andExpect(pushPromises().paths("/css/site.css", "/js/app.js"));
	}

	@Test
	void neitherLearnsFromNorHintsToFetchesAndSubresources() throws Exception {
		this.mvc.perform(get("/learned-page").header("Sec-Fetch-Mode", "cors")).andExpect(pushPromises().notLearned());
		this.mvc.perform(get("/learned-page").header("Sec-Fetch-Dest", "iframe"))
			.andExpect(pushPromises().notLearned());
		assertThat(this.learnedHints.getPlans()).isEmpty();
		this.mvc.perform(get("/learned-page")).andExpect(pushPromises().learned("/css/site.css", "/js/app.js"));
		this.mvc.perform(get("/learned-page").header("Sec-Fetch-Mode", "no-cors")).andExpect(pushPromises().none());
	}

	@Test
	void neverLearnsFromAnError() throws Exception {
		this.mvc.perform(get("/learned-error")).andExpect(pushPromises().notLearned());
		this.mvc.perform(get("/learned-error")).andExpect(pushPromises().none());
		assertThat(this.learnedHints.getPlans()).isEmpty();
	}

	@Test
	void offersALearnedResourceOnlyToThoseTheAccessRuleAllows() throws Exception {
		this.controller.setStylesheet("/secret/site.css");
		this.mvc.perform(get("/learned-page"))
			.andExpect(pushPromises().learned("/css/site.css", "/js/app.js", "/secret/site.css"));
		this.mvc.perform(get("/learned-page").with(pushRefused()))
			.andExpect(pushPromises().hinted("/css/site.css", "/js/app.js"));
	}

	@Test
	void relearnsWhenASampledResponseDiffers() throws Exception {
		this.mvc.perform(get("/learned-page")).andExpect(pushPromises().learned("/css/site.css", "/js/app.js"));
		this.controller.setStylesheet("/css/new.css");
		// sample-every=2: the first navigation with a plan is not read, the second is
		this.mvc.perform(get("/learned-page")).andExpect(pushPromises().notLearned());
		this.mvc.perform(get("/learned-page"))
			.andExpect(pushPromises().learned("/css/site.css", "/js/app.js", "/css/new.css"));
		this.mvc.perform(get("/learned-page").with(pushRefused()))
			.andExpect(pushPromises().hinted("/css/site.css", "/js/app.js", "/css/new.css"));
		assertThat(this.learnedHints.getPlans().get(KEY).updates()).isEqualTo(1);
	}

	@Test
	void neverTeachesOneVisitorTheIdOfAnothersCapabilityUrl() throws Exception {
		this.mvc.perform(get("/s/k7Qf2xLm9Tz")).andExpect(pushPromises().learned("/css/site.css"));
		this.mvc.perform(get("/s/public01").with(pushRefused())).andExpect(pushPromises().hinted("/css/site.css"));
	}

	@Test
	void neverLearnsWhatAPageReflectsFromTheRequestNorOffersItToSignedInUsers() throws Exception {
		// an anonymous client has the page sampled as often as it likes
		this.mvc.perform(get("/theme?t=evil&next=/account/delete").header("Accept-Language", "evil"))
			.andExpect(pushPromises().learned("/css/site.css"));
		for (int i = 0; i < 25; i++) {
			this.mvc.perform(get("/theme?t=evil&next=/account/delete").header("Accept-Language", "evil"));
		}
		this.mvc.perform(get("/learned-page?extra=/css/new.css"))
			.andExpect(pushPromises().learned("/css/site.css", "/js/app.js"));
		assertThat(this.learnedHints.getPlans().toString()).doesNotContain("evil", "/account/delete", "new.css");
		this.mvc.perform(get("/theme").principal(() -> "alice").with(pushRefused()))
			.andExpect(pushPromises().hinted("/css/site.css"));
	}

	@Test
	void neverLearnsFromACookieSessionUsersPage() throws Exception {
		this.mvc.perform(get("/profile").sessionAttr("user", "alice"))
			.andExpect(pushPromises().notLearned())
			.andExpect(request().attribute(LearnedHints.REFUSAL_ATTRIBUTE, LearnedHints.Refusal.SESSION));
		this.mvc.perform(get("/profile").cookie(new Cookie("SESSION", "alice")))
			.andExpect(pushPromises().notLearned())
			.andExpect(request().attribute(LearnedHints.REFUSAL_ATTRIBUTE, LearnedHints.Refusal.CREDENTIALS));
		this.mvc.perform(get("/profile").with(pushRefused())).andExpect(pushPromises().hinted());
		assertThat(this.learnedHints.getPlans().toString()).doesNotContain("alice");
	}

	@Test
	void neverLearnsFromAPersonalisedResponse() throws Exception {
		this.mvc.perform(get("/learned-private"))
			.andExpect(pushPromises().notLearned())
			.andExpect(request().attribute(LearnedHints.REFUSAL_ATTRIBUTE, LearnedHints.Refusal.PRIVATE_RESPONSE));
		this.mvc.perform(get("/learned-private")).andExpect(pushPromises().none());
	}

	@Test
	void readsAPageThatMayNotTeachOnlyOnceInSampleEvery() throws Exception {
		this.mvc.perform(get("/learned-private"))
			.andExpect(request().attribute(LearnedHints.REFUSAL_ATTRIBUTE, LearnedHints.Refusal.PRIVATE_RESPONSE));
		this.mvc.perform(get("/learned-private"))
			.andExpect(request().attribute(LearnedHints.REFUSAL_ATTRIBUTE, nullValue()))
			.andExpect(pushPromises().notLearned());
		this.mvc.perform(get("/learned-private"))
			.andExpect(request().attribute(LearnedHints.REFUSAL_ATTRIBUTE, LearnedHints.Refusal.PRIVATE_RESPONSE));
		assertThat(this.learnedHints.getPlans()).isEmpty();
	}

	@Nested
	@TestPropertySource(properties = "h2-push.learn.head-size=100B")
	class WithASmallHeadSize {

		@Autowired
		MockMvc mvc;

		@Autowired
		LearnedHints learnedHints;

		@Test
		void readsNoFurtherIntoTheBodyThanTheHeadSize() throws Exception {
			this.learnedHints.clear();
			// the stylesheet's tag ends at character 93, the script's beyond 100
			this.mvc.perform(get("/learned-page")).andExpect(pushPromises().learned("/css/site.css"));
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class DenySecrets {

		@Bean
		PushAccessPolicy denySecrets() {
			return (request, path) -> path.startsWith("/secret/") ? PushAccessPolicy.Access.DENY
					: PushAccessPolicy.Access.PUSH;
		}

	}

}
