package io.github.h2push;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response whose locale has no country (what Spring MVC sets when it renders a view
 * in a JVM whose default locale is {@code en}) says {@code Content-Language: en}, not
 * Undertow's {@code en-}.
 */
@SpringBootTest(classes = { PushTestApplication.class, ContentLanguageIntegrationTests.LocaleController.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentLanguageIntegrationTests extends RunningServerTests {

	@Test
	void writesTheLanguageOfALocaleWithoutCountry() {
		PushClient.Exchange page = PushClient.trusting(this.certificate).get(url("/locale/en"));
		assertThat(page.response().headers().allValues("content-language")).containsExactly("en");
	}

	@Test
	void keepsTheCountryOfALocaleThatHasOne() {
		PushClient.Exchange page = PushClient.trusting(this.certificate).get(url("/locale/en-GB"));
		assertThat(page.response().headers().allValues("content-language")).containsExactly("en-GB");
	}

	@RestController
	static class LocaleController {

		@GetMapping("/locale/en")
		String english(HttpServletResponse response) {
			response.setLocale(Locale.ENGLISH);
			return "en";
		}

		@GetMapping("/locale/en-GB")
		String british(HttpServletResponse response) {
			response.setLocale(Locale.UK);
			return "en-GB";
		}

	}

}
