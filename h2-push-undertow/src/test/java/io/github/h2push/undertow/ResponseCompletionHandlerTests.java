package io.github.h2push.undertow;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.undertow.protocols.http2.Http2DataStreamSinkChannel;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xnio.channels.Channels;
import org.xnio.channels.StreamSinkChannel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ResponseCompletionHandler}, on an Undertow server that speaks HTTP/2
 * without TLS to a client that writes its frames itself. The application leaves its
 * response as Undertow's race between the writing thread and the I/O thread does: sent
 * whole, its stream closed, its completion listener due but not run.
 */
class ResponseCompletionHandlerTests {

	private static final int STREAM = 1;

	private static final String BODY = "whole";

	private static final long WAIT_SECONDS = 10;

	private final CountDownLatch ended = new CountDownLatch(1);

	private final AtomicBoolean completed = new AtomicBoolean();

	@RegisterExtension
	final H2cServers servers = new H2cServers();

	@Test
	void completesAResponseSentWholeWhoseCompletionWasMissed() throws Exception {
		Received received = load(new ResponseCompletionHandler(missingCompletion(), UndertowInternals.get()));
		assertThat(received.body).hasToString(BODY);
		assertThat(received.ended).as("response ended").isTrue();
		assertThat(received.resetError).as("error code of a reset after the response").isEqualTo(-1);
		assertThat(this.completed).as("exchange completed").isTrue();
	}

	@Test
	void withoutItUndertowResetsTheStreamOfSuchAResponseAfterItEnded() throws Exception {
		Received received = load(missingCompletion());
		assertThat(received.body).hasToString(BODY);
		assertThat(received.ended).as("response ended").isTrue();
		assertThat(received.resetError).as("error code of a reset after the response").isEqualTo(0x8);
	}

	private HttpHandler missingCompletion() {
		return new BlockingHandler(this::respondMissingCompletion);
	}

	private void respondMissingCompletion(HttpServerExchange exchange) throws Exception {
		exchange.addExchangeCompleteListener((done, next) -> {
			this.completed.set(true);
			next.proceed();
		});
		Http2DataStreamSinkChannel stream = (Http2DataStreamSinkChannel) UndertowInternals.get()
			.responseChannel(exchange);
		exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, BODY.length());
		StreamSinkChannel response = exchange.getResponseChannel();
		Channels.writeBlocking(response, ByteBuffer.wrap(BODY.getBytes(StandardCharsets.US_ASCII)));
		response.shutdownWrites();
		// the I/O thread writes the final frame; waiting for it runs no listener
		while (stream.isReadyForFlush()) {
			stream.awaitWritable();
		}
		// what the writing thread's flush() does when it read the listener as not yet due
		// just before the I/O thread made it due: closes the stream without running it
		Field due = Http2DataStreamSinkChannel.class.getDeclaredField("completionListenerReady");
		due.setAccessible(true);
		due.setBoolean(stream, false);
		assertThat(stream.flush()).isTrue();
		due.setBoolean(stream, true);
		assertThat(stream.getCompletionListener()).as("completion listener left to run").isNotNull();
		// a reset it causes is queued before this returns
		exchange.endExchange();
		this.ended.countDown();
	}

	// requests the response, reads it, and then, once the exchange has ended, whatever
	// comes before the answer to a ping
	private Received load(HttpHandler handler) throws Exception {
		int port = this.servers.start(handler);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
			OutputStream out = socket.getOutputStream();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			out.write(Http2Frames.PREFACE.getBytes(StandardCharsets.US_ASCII));
			Http2Frames.write(out, Http2Frames.SETTINGS, 0, 0, new byte[0]);
			Http2Frames.write(out, Http2Frames.HEADERS, Http2Frames.END_STREAM | Http2Frames.END_HEADERS, STREAM,
					Http2Frames.get("/"));
			Received received = new Received();
			while (!received.ended) {
				received.add(Http2Frames.read(in));
			}
			assertThat(this.ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("exchange ended").isTrue();
			Http2Frames.write(out, Http2Frames.PING, 0, 0, new byte[8]);
			Http2Frames.Frame frame;
			do {
				frame = Http2Frames.read(in);
				received.add(frame);
			}
			while (frame.type() != Http2Frames.PING || (frame.flags() & Http2Frames.ACK) == 0);
			return received;
		}
	}

	/**
	 * What the client read on the stream.
	 */
	private static final class Received {

		private final StringBuilder body = new StringBuilder();

		private boolean ended;

		private int resetError = -1;

		void add(Http2Frames.Frame frame) {
			if (frame.streamId() != STREAM) {
				return;
			}
			if (frame.type() == Http2Frames.DATA) {
				this.body.append(new String(frame.payload(), StandardCharsets.US_ASCII));
			}
			if (frame.endsStream()) {
				this.ended = true;
			}
			if (frame.type() == Http2Frames.RST_STREAM) {
				this.resetError = frame.errorCode();
			}
		}

	}

}
