package io.github.h2push.testapp;

import java.util.List;

import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.github.h2push.test.PushPromiseMatchers.pushPromises;
import static io.github.h2push.test.PushRequestPostProcessors.pushRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/**
 * Pushes from the {@code Link: rel=preload} headers a controller sets itself, in the
 * {@code @WebMvcTest} slice.
 */
class PushFromLinkHeadersTests {

	private static final String[] APP_LINKS = {
			"</css/site.css>; rel=preload; as=style, </docs.html>; rel=preload; nopush",
			"<http://localhost/js/app.js>; rel=\"preload\"; as=script",
			"<https://cdn.example/lib.js>; rel=preload; as=script" };

	@Nested
	@WebMvcTest(PushTestApplication.LinkedController.class)
	class ByDefault {

		@Autowired
		MockMvc mvc;

		@Test
		void pushesSameOriginPreloadLinksButNotNopushOrOtherOrigins() throws Exception {
			this.mvc.perform(get("/linked").header("Accept", "text/html"))
				.andExpect(pushPromises().paths("/css/site.css", "/js/app.js"))
				.andExpect(pushPromises().header("/js/app.js", "accept", "text/html"))
				.andExpect(header().stringValues("Link", APP_LINKS));
		}

		@Test
		void leavesTheApplicationsHeadersAloneForAClientThatRefusesPush() throws Exception {
			MvcResult result = this.mvc.perform(get("/linked").with(pushRefused()))
				.andExpect(pushPromises().none())
				.andExpect(header().stringValues("Link", APP_LINKS))
				.andReturn();
			assertThat(PushPromiseService.results(result.getRequest())).isEmpty();
		}

		@Test
		void pushesDeclaredAndLinkedResourcesTogether() throws Exception {
			this.mvc.perform(get("/linked-and-declared"))
				.andExpect(pushPromises().paths("/css/site.css", "/js/app.js", "/docs.html", "/css/site.css"))
				.andExpect(header().stringValues("Link", "</docs.html>; rel=preload, </css/site.css>; rel=preload"));
		}

	}

	@Nested
	@WebMvcTest(PushTestApplication.LinkedController.class)
	@TestPropertySource(properties = "h2-push.max-pushes-per-request=1")
	class WhenALimitIsReached {

		@Autowired
		MockMvc mvc;

		@Test
		void offersEachLinkOnceAndAddsNoHintOfItsOwnForTheApplicationsLinks() throws Exception {
			MvcResult result = this.mvc.perform(get("/linked-and-declared"))
				.andExpect(pushPromises().paths("/css/site.css"))
				.andExpect(header().stringValues("Link", "</js/app.js>; rel=preload; as=script",
						"</docs.html>; rel=preload, </css/site.css>; rel=preload"))
				.andReturn();
			List<PushResult> results = PushPromiseService.results(result.getRequest());
			assertThat(results).extracting(PushResult::path, PushResult::outcome)
				.containsExactly(tuple("/css/site.css", PushOutcome.PUSHED),
						tuple("/js/app.js", PushOutcome.LIMITED),
						tuple("/docs.html", PushOutcome.LIMITED),
						tuple("/css/site.css", PushOutcome.LIMITED));
		}

	}

	@Nested
	@WebMvcTest(PushTestApplication.LinkedController.class)
	@TestPropertySource(properties = "h2-push.push-from-link-headers=false")
	class WhenOff {

		@Autowired
		MockMvc mvc;

		@Test
		void pushesNothingFromTheApplicationsHeaders() throws Exception {
			this.mvc.perform(get("/linked"))
				.andExpect(pushPromises().none())
				.andExpect(header().stringValues("Link", APP_LINKS));
		}

	}

}
