package io.github.h2push.undertow;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.embedded.undertow.UndertowBuilderCustomizer;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UndertowBufferPoolCustomizer}: the buffers it pools are those
 * Spring Boot and Undertow would have used.
 */
class UndertowBufferPoolCustomizerTests {

	private static final long MB = 1024 * 1024;

	@Test
	void usesUndertowsDefaultsForTheHeapSize() {
		UndertowBufferPoolCustomizer customizer = new UndertowBufferPoolCustomizer(512, null, null);
		assertThat(customizer.bufferSize(32 * MB)).isEqualTo(512);
		assertThat(customizer.isDirect(32 * MB)).isFalse();
		assertThat(customizer.bufferSize(100 * MB)).isEqualTo(1024);
		assertThat(customizer.isDirect(100 * MB)).isTrue();
		assertThat(customizer.bufferSize(1024 * MB)).isEqualTo(16 * 1024 - 20);
		assertThat(customizer.isDirect(1024 * MB)).isTrue();
	}

	@Test
	void bootsSettingsWin() {
		UndertowBufferPoolCustomizer customizer = new UndertowBufferPoolCustomizer(512, 4096, false);
		assertThat(customizer.bufferSize(1024 * MB)).isEqualTo(4096);
		assertThat(customizer.isDirect(1024 * MB)).isFalse();
	}

	@Test
	void zeroLeavesUndertowsPool() {
		UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
		new UndertowBufferPoolCustomizer(0, null, null).customize(factory);
		assertThat(factory.getBuilderCustomizers()).isEmpty();
		new UndertowBufferPoolCustomizer(1, null, null).customize(factory);
		assertThat(factory.getBuilderCustomizers()).hasSize(1);
	}

	@Test
	void runsBeforeTheApplicationsBuilderCustomizers() {
		UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
		UndertowBuilderCustomizer own = (builder) -> builder.setByteBufferPool(null);
		factory.addBuilderCustomizers(own);
		new UndertowBufferPoolCustomizer(8, null, null).customize(factory);
		assertThat(factory.getBuilderCustomizers()).hasSize(2).last().isSameAs(own);
	}

	@Test
	void rejectsANegativeSize() {
		assertThatIllegalArgumentException().isThrownBy(() -> new UndertowBufferPoolCustomizer(-1, null, null));
	}

}
