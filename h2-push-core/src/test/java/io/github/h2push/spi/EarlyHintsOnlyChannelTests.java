package io.github.h2push.spi;

import java.util.List;

import io.github.h2push.PushPromise;
import io.github.h2push.PushReason;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EarlyHintsOnlyChannel}.
 */
class EarlyHintsOnlyChannelTests {

	@Test
	void refusesEveryPushAsUnavailable() {
		PushChannel channel = new Channel("HTTP/2.0");
		assertThat(channel.refusal().reason()).isEqualTo(PushReason.UNAVAILABLE);
		assertThat(channel.refusal().detail()).isEqualTo("Test cannot push");
		assertThat(channel.push(new PushPromise("/a.css", new HttpHeaders()))).isEqualTo(PushChannel.Answer.REFUSED);
	}

	@Test
	void allowsEarlyHintsOverHttp2AndHttp3AndOverHttp11OnlyWhenAskedNeverOverHttp10() {
		assertThat(new Channel("HTTP/2.0").isEarlyHintsAllowed(false)).isTrue();
		assertThat(new Channel("HTTP/3").isEarlyHintsAllowed(false)).isTrue();
		assertThat(new Channel("HTTP/1.1").isEarlyHintsAllowed(false)).isFalse();
		assertThat(new Channel("HTTP/1.1").isEarlyHintsAllowed(true)).isTrue();
		assertThat(new Channel("HTTP/1.0").isEarlyHintsAllowed(true)).isFalse();
	}

	private static final class Channel extends EarlyHintsOnlyChannel {

		Channel(String protocol) {
			super("Test", protocol);
		}

		@Override
		public boolean sendEarlyHints(List<String> links, boolean overHttp1) {
			return isEarlyHintsAllowed(overHttp1);
		}

	}

}
