package io.github.h2push.testapp;

import io.github.h2push.engine.ResponseTimes;
import io.github.h2push.test.PushMockMvcConfigurers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static io.github.h2push.test.PushPromiseMatchers.earlyHints;
import static io.github.h2push.test.PushPromiseMatchers.pushPromises;
import static io.github.h2push.test.PushRequestPostProcessors.pushRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * h2-push in the {@code @WebMvcTest} slice, with no setup: the context's own service
 * and header allowlist build the captured promises.
 */
@WebMvcTest(PushTestApplication.PageController.class)
// the default response-time threshold: MockMvc still sees every 103
@TestPropertySource(
		properties = { "h2-push.copied-headers=accept,x-tenant", "h2-push.early-hints.min-response-time=10ms" })
class WebMvcSliceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MockMvcTester tester;

	@Autowired
	WebApplicationContext context;

	@Autowired
	ResponseTimes responseTimes;

	@Test
	void capturesPushesWithTheConfiguredHeaderAllowlist() throws Exception {
		this.mvc.perform(get("/page").header("Accept", "text/html").header("X-Tenant", "a").header("User-Agent", "t"))
			.andExpect(pushPromises().paths("/css/site.css", "/js/app.js"))
			.andExpect(pushPromises().header("/js/app.js", "x-tenant", "a"))
			.andExpect(pushPromises().doesNotHaveHeader("/js/app.js", "user-agent"));
	}

	@Test
	void seesTheEarlyHintsOfEveryNavigationHoweverFastTheRouteAnswers() throws Exception {
		for (int i = 0; i < 3 * ResponseTimes.SAMPLES_BEFORE_DECIDING; i++) {
			this.mvc.perform(get("/page").with(pushRefused()))
				.andExpect(earlyHints().paths("/css/site.css", "/js/app.js"));
		}
		assertThat(this.responseTimes.isMeasuring()).isFalse();
	}

	@Test
	void worksWithMockMvcTester() {
		assertThat(this.tester.get().uri("/page")).hasStatusOk().matches(pushPromises().count(2));
	}

	@Test
	void webAppContextSetupWithTheConfigurerUsesTheContext() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context)
			.apply(PushMockMvcConfigurers.capturePushes())
			.build();
		mvc.perform(get("/page")).andExpect(pushPromises().paths("/css/site.css", "/js/app.js"));
	}

	@Test
	void webAppContextSetupWithoutH2PushFailsClearly() {
		try (AnnotationConfigWebApplicationContext plain = new AnnotationConfigWebApplicationContext()) {
			plain.setServletContext(new MockServletContext());
			plain.register(PlainMvc.class);
			plain.refresh();
			assertThatIllegalStateException()
				.isThrownBy(() -> MockMvcBuilders.webAppContextSetup(plain)
					.apply(PushMockMvcConfigurers.capturePushes())
					.build())
				.withMessageContaining("h2-push is not configured in this application context");
		}
	}

	@EnableWebMvc
	static class PlainMvc {

	}

}
