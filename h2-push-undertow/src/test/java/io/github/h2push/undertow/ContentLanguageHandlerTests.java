package io.github.h2push.undertow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ContentLanguageHandler}.
 */
class ContentLanguageHandlerTests {

	@Test
	void dropsTheHyphenUndertowWritesForALocaleWithoutCountry() {
		assertThat(ContentLanguageHandler.languageTag("en-")).isEqualTo("en");
		assertThat(ContentLanguageHandler.languageTag("-")).isNull();
	}

}
