package io.github.h2push.undertow;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UndertowWriteTimeoutCustomizer}.
 */
class UndertowWriteTimeoutCustomizerTests {

	@Test
	void setsTheSocketOptionThroughTheBuilder() {
		UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
		new UndertowWriteTimeoutCustomizer(Duration.ofSeconds(60)).customize(factory);
		assertThat(factory.getBuilderCustomizers()).hasSize(1);
	}

	@Test
	void leavesTheSocketOptionAloneWithoutATimeout() {
		UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
		new UndertowWriteTimeoutCustomizer(null).customize(factory);
		assertThat(factory.getBuilderCustomizers()).isEmpty();
	}

}
