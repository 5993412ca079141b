package io.github.h2push.testapp;

import io.github.h2push.PushPromiseService;
import io.github.h2push.engine.DisabledPushPromiseService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.github.h2push.test.PushPromiseMatchers.earlyHints;
import static io.github.h2push.test.PushPromiseMatchers.pushPromises;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * With {@code h2-push.enabled=false}, a matcher that expected pushes says that h2-push
 * is disabled rather than only that nothing was pushed.
 */
@WebMvcTest(PushTestApplication.PageController.class)
@TestPropertySource(properties = "h2-push.enabled=false")
class DisabledWebMvcSliceTests {

	@Autowired
	MockMvc mvc;

	// the slice's controllers that push programmatically get a service that pushes nothing
	@Autowired
	PushPromiseService pushPromiseService;

	@Test
	void failureSaysThatH2PushIsDisabled() throws Exception {
		MvcResult result = this.mvc.perform(get("/page").header("Accept", "text/html")).andReturn();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> pushPromises().path("/css/site.css").match(result))
			.withMessageContaining("pushed nothing: h2-push is disabled (h2-push.enabled=false)");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> earlyHints().paths("/css/site.css").match(result))
			.withMessageContaining("got no 103 Early Hints: h2-push is disabled (h2-push.enabled=false)");
		assertThat(this.pushPromiseService).isInstanceOf(DisabledPushPromiseService.class);
	}

}
