package io.github.h2push.test;

import java.util.List;
import java.util.Map;

import io.github.h2push.PushPromise;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushResources;
import io.github.h2push.engine.DefaultPushPromiseService;
import io.github.h2push.engine.LearnedHints;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.github.h2push.test.PushPromiseMatchers.earlyHints;
import static io.github.h2push.test.PushPromiseMatchers.pushPromises;
import static io.github.h2push.test.PushRequestPostProcessors.pushRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for {@link PushPromiseMatchers}, {@link PushPromises} and
 * {@link PushMockMvcConfigurers} with a standalone MockMvc.
 */
class PushPromiseMatchersTests {

	private final DefaultPushPromiseService service = PushMockMvcConfigurers.capturingPushPromiseService();

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PageController(this.service))
		.apply(PushMockMvcConfigurers.capturePushes(this.service))
		.build();

	@Test
	void capturesDeclaredPushesWithCopiedHeaders() throws Exception {
		this.mvc.perform(get("/page").header("Accept", "text/html").header("Cookie", "session=secret"))
			.andExpect(status().isOk())
			.andExpect(pushPromises().paths("/css/site.css", "/js/app.js"))
			.andExpect(pushPromises().path("/js/app.js"))
			.andExpect(pushPromises().count(2))
			.andExpect(pushPromises().header("/css/site.css", "accept", "text/html"))
			.andExpect(pushPromises().doesNotHaveHeader("/css/site.css", "cookie"))
			.andExpect(pushPromises().hinted())
			.andExpect(header().doesNotExist("Link"));
	}

	@Test
	void capturesProgrammaticPushes() throws Exception {
		MvcResult result = this.mvc.perform(get("/programmatic").header("User-Agent", "test"))
			.andExpect(pushPromises().paths("/img/logo.svg"))
			.andReturn();
		assertThat(PushPromises.of(result)).extracting(PushPromise::path, (p) -> p.headers().getFirst("user-agent"))
			.containsExactly(tuple("/img/logo.svg", "test"));
	}

	@Test
	void capturesTheEarlyHintsOfANavigationThatCannotPush() throws Exception {
		this.mvc.perform(get("/page").with(pushRefused()))
			.andExpect(earlyHints().paths("/css/site.css", "/js/app.js"))
			.andExpect(earlyHints().link("</css/site.css>; rel=preload; as=style"));
		this.mvc.perform(get("/page").with(pushRefused()).header("Sec-Fetch-Mode", "no-cors"))
			.andExpect(earlyHints().none());
		this.mvc.perform(get("/page")).andExpect(earlyHints().none());
	}

	@Test
	void earlyHintsFailuresSayWhatWasSent() throws Exception {
		assertFailure(get("/page").with(pushRefused()), earlyHints().paths("/css/site.css"))
			.contains("Expected a 103 Early Hints for [/css/site.css]")
			.contains("got a 103 Early Hints with [</css/site.css>; rel=preload; as=style, "
					+ "</js/app.js>; rel=preload; as=script]");
		assertFailure(get("/page"), earlyHints().link("</css/site.css>; rel=preload; as=style"))
			.contains("got no 103 Early Hints");
	}

	@Test
	void hintsEverythingForAServerThatCannotPush() throws Exception {
		DefaultPushPromiseService hintsOnly = DefaultPushPromiseService
			.builder(List.of(MockPushTransport.hintsOnly()))
			.build();
		MockMvc tomcat = MockMvcBuilders.standaloneSetup(new PageController(hintsOnly))
			.apply(PushMockMvcConfigurers.capturePushes(hintsOnly))
			.build();
		tomcat.perform(get("/page"))
			.andExpect(pushPromises().none())
			.andExpect(earlyHints().paths("/css/site.css", "/js/app.js"));
	}

	@Test
	void hintsForAClientThatRefusesPush() throws Exception {
		this.mvc.perform(get("/page").with(pushRefused()))
			.andExpect(pushPromises().none())
			.andExpect(pushPromises().hinted("/css/site.css", "/js/app.js"))
			.andExpect(header().stringValues("Link", "</css/site.css>; rel=preload; as=style",
					"</js/app.js>; rel=preload; as=script"));
	}

	@Test
	void worksWithMockMvcTester() {
		MockMvcTester tester = MockMvcTester.create(this.mvc);
		assertThat(tester.get().uri("/page")).hasStatusOk()
			.matches(pushPromises().paths("/css/site.css", "/js/app.js"));
		assertThat(PushPromises.of(tester.get().uri("/page").exchange())).hasSize(2);
	}

	@Test
	void pathsFailsListingExpectedAndActualPromises() throws Exception {
		assertFailure(get("/page"), pushPromises().paths("/css/site.css"))
			.startsWith("\nExpected push promises for [/css/site.css]\nbut the request to /page pushed:\n")
			.contains("\n  /css/site.css [accept:\"text/html\"]")
			.contains("\n  /js/app.js [accept:\"text/html\"]");
	}

	@Test
	void pathFailsWhenThePathWasNotPushed() throws Exception {
		assertFailure(get("/page"), pushPromises().path("/img/logo.svg"))
			.startsWith("\nExpected a push promise for /img/logo.svg\nbut the request to /page pushed:");
	}

	@Test
	void headerFailsShowingTheActualValue() throws Exception {
		assertFailure(get("/page"), pushPromises().header("/css/site.css", "accept", "text/css"))
			.startsWith("\nExpected the push promise for /css/site.css to have header accept: text/css, "
					+ "but it had accept: [text/html]");
	}

	@Test
	void headerFailsForAMissingHeader() throws Exception {
		assertFailure(get("/page"), pushPromises().header("/css/site.css", "cookie", "a=b"))
			.startsWith("\nExpected the push promise for /css/site.css to have header cookie: a=b, but it had no "
					+ "cookie header");
	}

	@Test
	void headerFailsForAPathNotPushed() throws Exception {
		assertFailure(get("/page"), pushPromises().header("/nope.css", "accept", "text/html"))
			.startsWith("\nExpected a push promise for /nope.css with header accept: text/html");
	}

	@Test
	void doesNotHaveHeaderFailsWhenPresent() throws Exception {
		assertFailure(get("/page"), pushPromises().doesNotHaveHeader("/css/site.css", "accept"))
			.startsWith("\nExpected the push promise for /css/site.css not to have header accept, but it had "
					+ "accept: [text/html]");
	}

	@Test
	void countFailsWithTheActualPromises() throws Exception {
		assertFailure(get("/page"), pushPromises().count(3)).startsWith("\nExpected 3 push promises\n")
			.contains("/js/app.js");
	}

	@Test
	void failureStartsOnItsOwnLineInMockMvcTester() {
		MockMvcTester tester = MockMvcTester.create(this.mvc);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(tester.get().uri("/page")).matches(pushPromises().count(3)))
			.withMessageContaining("-- failure 1 --\nExpected 3 push promises\nbut the request to /page pushed:\n");
	}

	@Test
	void noneFailsWhenSomethingWasPushed() throws Exception {
		assertFailure(get("/page"), pushPromises().none()).startsWith("\nExpected no push promises\n")
			.contains("/css/site.css");
	}

	@Test
	void failuresExplainWhatWasNotPushed() throws Exception {
		assertFailure(get("/page").with(pushRefused()),
				pushPromises().path("/css/site.css"))
			.contains("pushed nothing")
			.contains("(EARLY_HINTED /css/site.css (client-refused: the client refused push))");
	}

	@Test
	void neitherPushesNorSendsEarlyHintsForAHeadRequest() throws Exception {
		this.mvc.perform(head("/page"))
			.andExpect(pushPromises().none())
			.andExpect(earlyHints().none())
			.andExpect(pushPromises().hinted("/css/site.css", "/js/app.js"));
		this.mvc.perform(head("/page").with(pushRefused())).andExpect(earlyHints().none());
	}

	@Test
	void failuresSayWhenNothingWasEvenAttempted() throws Exception {
		assertFailure(get("/unmapped"), pushPromises().path("/css/site.css"))
			.contains("pushed nothing and attempted nothing: no declared resource, route, Link header or push(...) "
					+ "applied to this request");
	}

	@Test
	void learnedSaysWhyAResponseTaughtNothingOrLeftATargetOut() throws Exception {
		assertFailure(get("/page").requestAttr(LearnedHints.REFUSAL_ATTRIBUTE, LearnedHints.Refusal.SESSION),
				pushPromises().learned("/css/site.css"))
			.isEqualTo("Expected the response to teach [/css/site.css], but it may not teach: SESSION");
		assertFailure(get("/page").requestAttr(LearnedHints.LEARNED_ATTRIBUTE, List.of())
			.requestAttr(LearnedHints.REFUSED_ATTRIBUTE, Map.of("/account/delete", LearnedHints.Refusal.NOT_STATIC)),
				pushPromises().learned("/account/delete"))
			.isEqualTo("Expected the response to teach [/account/delete], but it taught []; left out "
					+ "{/account/delete=NOT_STATIC}");
	}

	private AbstractStringAssert<?> assertFailure(MockHttpServletRequestBuilder request, ResultMatcher matcher)
			throws Exception {
		MvcResult result = this.mvc.perform(request.header("Accept", "text/html")).andReturn();
		return assertThat(assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> matcher.match(result))
			.actual()
			.getMessage());
	}

	@RestController
	static class PageController {

		private final PushPromiseService service;

		PageController(PushPromiseService service) {
			this.service = service;
		}

		@GetMapping("/page")
		@PushResources({ "/css/site.css", "/js/app.js" })
		String page() {
			return "page";
		}

		@GetMapping("/programmatic")
		String programmatic() {
			this.service.push("/img/logo.svg");
			return "programmatic";
		}

	}

}
