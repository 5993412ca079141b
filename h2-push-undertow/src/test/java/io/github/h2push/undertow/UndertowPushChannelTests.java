package io.github.h2push.undertow;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.h2push.spi.PushChannel;
import io.undertow.server.HttpServerExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for why an {@link UndertowPushChannel} refuses to push, on an Undertow server
 * that speaks HTTP/2 without TLS to a client that writes its frames itself.
 */
class UndertowPushChannelTests {

	private static final int SETTINGS_ENABLE_PUSH = 0x2;

	@RegisterExtension
	final H2cServers servers = new H2cServers();

	@Test
	void refusesAClientThatRefusedPush() throws Exception {
		assertThat(refusalSeenBy(UndertowInternals.get(), false)).isEqualTo("CLIENT_REFUSED");
	}

	@Test
	void saysPushIsUnavailableOnAnUndertowWithoutTheMembersItNeedsWhateverTheClientSaid() throws Exception {
		UndertowInternals withoutChannel = new UndertowInternals(UndertowInternals.CONNECTION_CHANNEL::equals);
		assertThat(refusalSeenBy(withoutChannel, false)).isEqualTo("UNAVAILABLE");
		assertThat(refusalSeenBy(withoutChannel, true)).isEqualTo("UNAVAILABLE");
	}

	@Test
	void looksFurtherForAClientThatTakesPushes() throws Exception {
		assertThat(refusalSeenBy(UndertowInternals.get(), true)).isNotIn("CLIENT_REFUSED", "UNAVAILABLE");
	}

	// the reason the channel of a GET gives, as its response's body
	private String refusalSeenBy(UndertowInternals internals, boolean enablePush) throws Exception {
		PushedResponseGuard guard = new PushedResponseGuard(internals, 10, Duration.ofSeconds(10));
		int port = this.servers.start((exchange) -> respond(exchange, new UndertowPushChannel(exchange, internals,
				new Http2PushSlots(internals), 0, new PushAuthorityRule(List.of()), guard)));
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			out.write(Http2Frames.PREFACE.getBytes(StandardCharsets.US_ASCII));
			byte[] settings = ByteBuffer.allocate(6).putShort((short) SETTINGS_ENABLE_PUSH).putInt(enablePush ? 1 : 0)
				.array();
			Http2Frames.write(out, Http2Frames.SETTINGS, 0, 0, settings);
			Http2Frames.write(out, Http2Frames.HEADERS, Http2Frames.END_STREAM | Http2Frames.END_HEADERS, 1,
					Http2Frames.get("/"));
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (true) {
				Http2Frames.Frame frame = Http2Frames.read(in);
				if (frame.streamId() != 1) {
					continue;
				}
				if (frame.type() == Http2Frames.DATA) {
					body.write(frame.payload());
				}
				if (frame.endsStream()) {
					return body.toString(StandardCharsets.US_ASCII);
				}
			}
		}
	}

	private static void respond(HttpServerExchange exchange, UndertowPushChannel channel) {
		PushChannel.Refusal refusal = channel.refusal();
		exchange.getResponseSender().send((refusal != null) ? refusal.reason().name() : "none");
	}

}
