package io.github.h2push.boot4;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.h2push.test.PushPromiseMatchers.earlyHints;
import static io.github.h2push.test.PushPromiseMatchers.pushPromises;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/**
 * h2-push-test in Spring Boot 4's {@code @WebMvcTest}, with no setup: the slice plays the
 * application's server, which cannot push, so the declared resources are hinted and go
 * into a {@code 103 Early Hints}.
 */
@WebMvcTest(Boot4TestApplication.PageController.class)
class WebMvcSliceTests {

	@Autowired
	MockMvc mvc;

	@Test
	void hintsTheDeclaredResourcesInA103AndTheFinalResponse() throws Exception {
		this.mvc.perform(get("/page"))
			.andExpect(pushPromises().none())
			.andExpect(pushPromises().hinted("/css/site.css", "/js/app.js"))
			.andExpect(earlyHints().paths("/css/site.css", "/js/app.js"))
			.andExpect(header().stringValues("Link", "</css/site.css>; rel=preload; as=style",
					"</js/app.js>; rel=preload; as=script"));
	}

	@Test
	void sendsNo103ForAFetch() throws Exception {
		this.mvc.perform(get("/page").header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Dest", "empty"))
			.andExpect(pushPromises().hinted("/css/site.css", "/js/app.js"))
			.andExpect(earlyHints().none());
	}

}
