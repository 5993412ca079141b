package io.github.h2push.sample;

import io.github.h2push.engine.LearnedHints;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.github.h2push.test.PushPromiseMatchers.pushPromises;
import static io.github.h2push.test.PushRequestPostProcessors.pushRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Controller-level tests of the sample's pushes, with no setup for h2-push.
 */
@WebMvcTest({ HomeController.class, AboutController.class, ThinkController.class, LinkedController.class,
		LearnedController.class })
@Import(SampleSecurityConfiguration.class)
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MockMvcTester tester;

	@Autowired
	LearnedHints learnedHints;

	@Test
	void homePushesTheVersionedUrlsThePageReferences() throws Exception {
		this.mvc.perform(get("/").header("Accept", "text/html").header("Authorization", "Bearer secret"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"" + Assets.CSS + "\"")))
			.andExpect(pushPromises().paths(Assets.CSS, Assets.JS, "/img/logo.svg"))
			.andExpect(pushPromises().header(Assets.CSS, "accept", "text/html"))
			.andExpect(pushPromises().doesNotHaveHeader(Assets.CSS, "authorization"));
	}

	@Test
	void homeNeitherPushesNorHintsTheAvatarToAnonymousVisitors() throws Exception {
		this.mvc.perform(get("/").with(pushRefused()))
			.andExpect(pushPromises().none())
			.andExpect(header().stringValues("Link", "<" + Assets.CSS + ">; rel=preload; as=style",
					"<" + Assets.JS + ">; rel=preload; as=script", "</img/logo.svg>; rel=preload; as=image"));
	}

	@Test
	@WithMockUser
	void homeOnlyHintsTheAvatarToSignedInUsers() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(pushPromises().paths(Assets.CSS, Assets.JS, "/img/logo.svg"))
			.andExpect(pushPromises().hinted("/account/avatar.svg"))
			.andExpect(header().stringValues("Link", "</account/avatar.svg>; rel=preload; as=image"));
	}

	@Test
	void thinkHintsItsStylesheetScriptAndFontToBrowsers() throws Exception {
		this.mvc.perform(get("/think").with(pushRefused()))
			.andExpect(status().isOk())
			.andExpect(pushPromises().none())
			.andExpect(pushPromises().hinted(Assets.CSS, Assets.JS, "/fonts/body.woff2"))
			.andExpect(header().stringValues("Link", "<" + Assets.CSS + ">; rel=preload; as=style",
					"<" + Assets.JS + ">; rel=preload; as=script",
					"</fonts/body.woff2>; rel=preload; as=font; crossorigin"));
	}

	@Test
	void linkedPushesThePreloadLinksItsControllerSetsButNotTheNopushOne() throws Exception {
		this.mvc.perform(get("/linked"))
			.andExpect(status().isOk())
			.andExpect(pushPromises().paths(Assets.CSS, Assets.JS))
			.andExpect(header().stringValues("Link", "<" + Assets.CSS + ">; rel=preload; as=style",
					"<" + Assets.JS + ">; rel=preload; as=script", "</img/logo.svg>; rel=preload; as=image; nopush"));
	}

	@Test
	void linkedLeavesItsHeadersToBrowsers() throws Exception {
		this.mvc.perform(get("/linked").with(pushRefused()))
			.andExpect(pushPromises().none())
			.andExpect(header().stringValues("Link", "<" + Assets.CSS + ">; rel=preload; as=style",
					"<" + Assets.JS + ">; rel=preload; as=script", "</img/logo.svg>; rel=preload; as=image; nopush"));
	}

	@Test
	void learnedTeachesItsHeadOnTheFirstLoadAndHintsItOnTheNextNavigation() throws Exception {
		this.learnedHints.clear();
		this.mvc.perform(get("/learned").with(pushRefused()))
			.andExpect(pushPromises().hinted())
			.andExpect(pushPromises().learned(Assets.CSS, Assets.JS));
		this.mvc.perform(get("/learned").with(pushRefused()).header("Sec-Fetch-Mode", "navigate"))
			.andExpect(pushPromises().hinted(Assets.CSS, Assets.JS))
			.andExpect(header().stringValues("Link", "<" + Assets.CSS + ">; rel=preload; as=style",
					"<" + Assets.JS + ">; rel=preload; as=script"));
	}

	@Test
	void aboutPushesProgrammatically() {
		assertThat(this.tester.get().uri("/about")).hasStatusOk()
			.matches(pushPromises().paths(Assets.CSS, "/img/logo.svg"));
	}

}
