package io.github.h2push.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BootServerSettings}.
 */
class BootServerSettingsTests {

	@ParameterizedTest
	@ValueSource(strings = { "server.undertow.options.socket.WRITE_TIMEOUT",
			"server.undertow.options.socket.write-timeout", "server.undertow.options.socket.writeTimeout",
			"server.undertow.options.socket[WRITE_TIMEOUT]" })
	void recognisesAnUndertowSocketOptionUnderEverySpellingBootAccepts(String property) {
		MockEnvironment environment = new MockEnvironment().withProperty(property, "30000");
		ConfigurationPropertySources.attach(environment);
		assertThat(BootServerSettings.of(environment).hasUndertowSocketOption("WRITE_TIMEOUT")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "server.undertow.options.socket.READ_TIMEOUT", "server.undertow.options.server.WRITE_TIMEOUT",
			"h2-push.connection.write-timeout" })
	void ignoresOtherOptions(String property) {
		MockEnvironment environment = new MockEnvironment().withProperty(property, "30000");
		assertThat(BootServerSettings.of(environment).hasUndertowSocketOption("WRITE_TIMEOUT")).isFalse();
	}

}
