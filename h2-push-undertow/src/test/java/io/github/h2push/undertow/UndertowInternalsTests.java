package io.github.h2push.undertow;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

import io.undertow.Version;
import io.undertow.protocols.ssl.SNIContextMatcher;
import io.undertow.protocols.ssl.SNISSLContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UndertowInternals}: what this Undertow has, and what one that lacks
 * members turns off and says.
 */
class UndertowInternalsTests {

	@Test
	void findsEveryMemberOfThisUndertow() {
		UndertowInternals internals = UndertowInternals.get();
		assertThat(internals.warning()).isNull();
		for (UndertowInternals.Feature feature : UndertowInternals.Feature.values()) {
			assertThat(internals.supports(feature)).as(feature.name()).isTrue();
		}
	}

	@Test
	void looksMembersUpOnce() {
		assertThat(UndertowInternals.get()).isSameAs(UndertowInternals.get());
	}

	@Test
	void turnsPushOffWithoutTheMembersThatReleaseItsSlots() {
		UndertowInternals internals = new UndertowInternals(UndertowInternals.REMOVE_STREAM_SOURCE::equals);
		assertThat(internals.supports(UndertowInternals.Feature.PUSH)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.FRAME_ORDER)).isTrue();
		assertThat(internals.supports(UndertowInternals.Feature.CLIENT_RESET_LIMIT)).isTrue();
		assertThat(internals.warning()).isEqualTo("This Undertow version (" + Version.getVersionString()
				+ ") lacks internals h2-push uses: Http2Channel.removeStreamSource(int). Turned off: HTTP/2 push "
				+ "(resources are hinted with preload links and 103 Early Hints instead).");
		assertThat(new Http2PushSlots(internals).isAvailable()).isFalse();
	}

	@Test
	void namesEveryMissingMemberAndEveryFeatureTurnedOffInOneMessage() {
		Set<String> hidden = Set.of(UndertowInternals.FRAME_PRIORITY, UndertowInternals.SSL_CHANNEL);
		UndertowInternals internals = new UndertowInternals(hidden::contains);
		assertThat(internals.supports(UndertowInternals.Feature.PUSH)).isTrue();
		assertThat(internals.supports(UndertowInternals.Feature.FRAME_ORDER)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.PLAIN_HTTP_ANSWER)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.LISTENER_HTTP2)).isTrue();
		assertThat(internals.warning())
			.contains("lacks internals h2-push uses: AbstractFramedChannel.framePriority, UndertowAcceptingSslChannel.")
			.contains("Turned off: h2-push.html-first.enabled (frames are sent in Undertow's own order); "
					+ "h2-push.ssl.answer-plain-http (a plain http:// request to the HTTPS port gets no answer).")
			.doesNotContain("HTTP/2 push");
		assertThat(new Http2FrameOrder(internals).isAvailable()).isFalse();
	}

	@Test
	void namesEachMemberAsTheWarningDoes() {
		List<String> members = List.of(UndertowInternals.CONNECTION_CHANNEL,
				UndertowInternals.CONNECTION_RESPONSE_CHANNEL, UndertowInternals.REMOVE_STREAM_SOURCE,
				UndertowInternals.SEND_CONCURRENT_STREAMS, UndertowInternals.RECEIVE_CONCURRENT_STREAMS,
				UndertowInternals.HELD_FRAMES, UndertowInternals.FRAME_PRIORITY,
				UndertowInternals.FRAMED_SINK_HEADER, UndertowInternals.HTTP2_SINK_HEADER,
				UndertowInternals.LISTENER_CHANNEL, UndertowInternals.LISTENER_SSL,
				UndertowInternals.LISTENER_OPEN_LISTENER, UndertowInternals.SSL_CHANNEL,
				UndertowInternals.SSL_CHANNEL_TCP_SERVER, UndertowInternals.SSL_CHANNEL_CIPHER_SUITES_ORDER,
				UndertowInternals.BUILDER_LISTENERS, UndertowInternals.LISTENER_CONFIG,
				UndertowInternals.LISTENER_CONFIG_PORT, UndertowInternals.LISTENER_CONFIG_SSL_CONTEXT);
		for (String member : members) {
			UndertowInternals internals = new UndertowInternals(member::equals);
			assertThat(internals.warning()).as(member).contains("lacks internals h2-push uses: " + member + ".");
			Stream<UndertowInternals.Feature> off = Arrays.stream(UndertowInternals.Feature.values())
				.filter((feature) -> !internals.supports(feature));
			assertThat(off).as(member).isNotEmpty();
		}
	}

	@Test
	void keepsAnsweringPlainHttpOnceStartedWithoutTheListenerConfigurationMembers() {
		UndertowInternals internals = new UndertowInternals(UndertowInternals.LISTENER_CONFIG_SSL_CONTEXT::equals);
		assertThat(internals.supports(UndertowInternals.Feature.PLAIN_HTTP_AS_PORT_OPENS)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.PLAIN_HTTP_ANSWER)).isTrue();
		assertThat(internals.warning()).isEqualTo("This Undertow version (" + Version.getVersionString()
				+ ") lacks internals h2-push uses: Undertow.ListenerConfig.sslContext. Turned off: "
				+ "h2-push.ssl.answer-plain-http for connections accepted as the HTTPS port opens (a plain http:// "
				+ "request there waits until the client gives up).");
	}

	@Test
	void advertisesTheStreamLimitWithoutEnforcingItWhenStreamsCannotBeCounted() {
		UndertowInternals internals = new UndertowInternals(UndertowInternals.RECEIVE_CONCURRENT_STREAMS::equals);
		assertThat(internals.supports(UndertowInternals.Feature.CONCURRENT_STREAM_LIMIT)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.RUNNING_REQUEST_LIMIT)).isTrue();
		assertThat(internals.supports(UndertowInternals.Feature.MIN_SEND_RATE)).isTrue();
		assertThat(internals.warning()).isEqualTo("This Undertow version (" + Version.getVersionString()
				+ ") lacks internals h2-push uses: Http2Channel.receiveConcurrentStreams. Turned off: enforcing "
				+ "SETTINGS_MAX_CONCURRENT_STREAMS (h2-push.connection.max-concurrent-streams is advertised, and "
				+ "clients that ignore it are not refused).");
	}

	@Test
	void keepsResponsesTheClientLetsThroughSlowlyWithoutTheHeldFrames() {
		UndertowInternals internals = new UndertowInternals(UndertowInternals.HELD_FRAMES::equals);
		assertThat(internals.supports(UndertowInternals.Feature.MIN_SEND_RATE)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.PUSHED_RESPONSE_DEADLINE)).isFalse();
		assertThat(internals.warning()).contains("h2-push.connection.min-send-rate (a response the client lets "
				+ "through a little at a time holds its thread until it ends)");
	}

	@Test
	void readsTheDefaultContextOfAnSniContext() throws Exception {
		SSLContext defaultContext = SSLContext.getInstance("TLS");
		defaultContext.init(null, null, null);
		SNISSLContext sniContext = new SNISSLContext(
				new SNIContextMatcher.Builder().setDefaultContext(defaultContext).build());
		assertThat(UndertowInternals.get().defaultSslContext(sniContext)).isSameAs(defaultContext);
	}

	@Test
	void neitherTurnsOffNorReportsAnythingWithoutTheSniContextMembers() throws Exception {
		Set<String> hidden = Set.of(UndertowInternals.SNI_ENGINE_STATE, UndertowInternals.SNI_INITIAL_STATE_MATCHER);
		UndertowInternals internals = new UndertowInternals(hidden::contains);
		assertThat(internals.warning()).isNull();
		for (UndertowInternals.Feature feature : UndertowInternals.Feature.values()) {
			assertThat(internals.supports(feature)).as(feature.name()).isTrue();
		}
		SNISSLContext sniContext = new SNISSLContext(
				new SNIContextMatcher.Builder().setDefaultContext(SSLContext.getDefault()).build());
		assertThat(internals.defaultSslContext(sniContext)).isNull();
	}

	@Test
	void turnsOffEverythingThatReachesStreamsWithoutTheResponseChannel() {
		UndertowInternals internals = new UndertowInternals(UndertowInternals.CONNECTION_RESPONSE_CHANNEL::equals);
		assertThat(internals.supports(UndertowInternals.Feature.PUSH)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.FRAME_ORDER)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.CLIENT_RESET_LIMIT)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.EARLY_HINTS_ON_STREAM)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.CONCURRENT_STREAM_LIMIT)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.MIN_SEND_RATE)).isFalse();
		assertThat(internals.supports(UndertowInternals.Feature.RUNNING_REQUEST_LIMIT)).isTrue();
		assertThat(internals.supports(UndertowInternals.Feature.PLAIN_HTTP_ANSWER)).isTrue();
		assertThat(internals.warning()).contains("Http2ServerConnection.responseChannel")
			.contains("h2-push.connection.max-client-resets")
			.contains("103 Early Hints written on the request's stream (sent through Undertow's out-of-band "
					+ "response instead)");
	}

}
