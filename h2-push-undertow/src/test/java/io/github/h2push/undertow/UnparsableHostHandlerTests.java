package io.github.h2push.undertow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnparsableHostHandler}.
 */
class UnparsableHostHandlerTests {

	@ParameterizedTest
	@ValueSource(strings = { "[", "[::1", "[::1:8443", "[localhost" })
	void rejectsAnUnclosedBracket(String host) {
		assertThat(UnparsableHostHandler.isUnparsable(host)).isTrue();
	}

	// Undertow's getHostName() takes these apart without throwing; whether to push for
	// them is another question
	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "localhost", "[::1]", "[::1]:8443", "::1", "localhost:8443@evil.example", "]", "x[" })
	void letsOtherValuesThrough(String host) {
		assertThat(UnparsableHostHandler.isUnparsable(host)).isFalse();
	}

}
