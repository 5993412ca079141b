package io.github.h2push.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.github.h2push.test.PushPromiseMatchers.pushPromises;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Controller-level tests of the sample's pushes, with no setup for h2-push.
 */
@WebMvcTest({ HomeController.class, AboutController.class })
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MockMvcTester tester;

	@Test
	void homePushesItsStylesheetScriptAndLogo() throws Exception {
		this.mvc.perform(get("/").header("Accept", "text/html").header("Authorization", "Bearer secret"))
			.andExpect(status().isOk())
			.andExpect(pushPromises().paths("/css/site.css", "/js/app.js", "/img/logo.svg"))
			.andExpect(pushPromises().header("/css/site.css", "accept", "text/html"))
			.andExpect(pushPromises().doesNotHaveHeader("/css/site.css", "authorization"));
	}

	@Test
	void aboutPushesProgrammatically() {
		assertThat(this.tester.get().uri("/about")).hasStatusOk()
			.matches(pushPromises().paths("/css/site.css", "/img/logo.svg"));
	}

	@Test
	void homeHintsToABrowserThatRefusesPush() throws Exception {
		this.mvc.perform(get("/").header("X-Disable-Push", "1"))
			.andExpect(pushPromises().none())
			.andExpect(header().stringValues("Link", "</css/site.css>; rel=preload; as=style",
					"</js/app.js>; rel=preload; as=script", "</img/logo.svg>; rel=preload; as=image"));
	}

}
