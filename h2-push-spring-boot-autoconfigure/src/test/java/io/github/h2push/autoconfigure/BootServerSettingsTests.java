package io.github.h2push.autoconfigure;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
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
		assertThat(BootServerSettings.of(environment).hasUndertowOption("socket", "WRITE_TIMEOUT")).isTrue();
		assertThat(BootServerSettings.namesOption(socketOptions(environment), "WRITE_TIMEOUT")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "server.undertow.options.socket.READ_TIMEOUT", "server.undertow.options.server.WRITE_TIMEOUT",
			"h2-push.connection.write-timeout" })
	void ignoresOtherOptions(String property) {
		MockEnvironment environment = new MockEnvironment().withProperty(property, "30000");
		assertThat(BootServerSettings.of(environment).hasUndertowOption("socket", "WRITE_TIMEOUT")).isFalse();
		assertThat(BootServerSettings.namesOption(socketOptions(environment), "WRITE_TIMEOUT")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "server.undertow.options.server.MAX_RST_FRAMES_PER_WINDOW",
			"server.undertow.options.server.max-rst-frames-per-window" })
	void readsTheServerOptionsOfSpringBootsOwnBinding(String property) {
		MockEnvironment environment = new MockEnvironment().withProperty(property, "10");
		ServerProperties.Undertow.Options options = serverProperties(environment).getUndertow().getOptions();
		assertThat(BootServerSettings.namesOption(options.getServer(), "MAX_RST_FRAMES_PER_WINDOW")).isTrue();
		assertThat(BootServerSettings.namesOption(options.getSocket(), "MAX_RST_FRAMES_PER_WINDOW")).isFalse();
		assertThat(BootServerSettings.of(environment).hasUndertowOption("server", "MAX_RST_FRAMES_PER_WINDOW"))
			.isTrue();
	}

	private static Map<String, String> socketOptions(MockEnvironment environment) {
		return serverProperties(environment).getUndertow().getOptions().getSocket();
	}

	// as Spring Boot binds them for its own server configuration
	private static ServerProperties serverProperties(MockEnvironment environment) {
		return Binder.get(environment).bindOrCreate("server", ServerProperties.class);
	}

}
