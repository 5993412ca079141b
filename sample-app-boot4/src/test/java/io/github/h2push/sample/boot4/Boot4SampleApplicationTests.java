package io.github.h2push.sample.boot4;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.github.h2push.test.PushPromiseMatchers.earlyHints;
import static io.github.h2push.test.PushPromiseMatchers.pushPromises;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Spring Boot 4 sample's page: its declared resources go into a
 * {@code 103 Early Hints} and the final response's preload links, and nothing is pushed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class Boot4SampleApplicationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void earlyHintsTheThinkPagesResources() throws Exception {
		this.mvc.perform(get("/think"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Early Hints at work")))
			.andExpect(pushPromises().none())
			.andExpect(earlyHints().paths("/css/site.css", "/js/app.js", "/fonts/body.woff2"));
	}

}
