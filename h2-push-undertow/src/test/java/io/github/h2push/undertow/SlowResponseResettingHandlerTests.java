package io.github.h2push.undertow;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xnio.IoUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SlowResponseResettingHandler}, on an Undertow server that speaks
 * HTTP/2 without TLS to a client that writes its frames itself.
 */
class SlowResponseResettingHandlerTests {

	private static final int FILLING_STREAM = 1;

	private static final int SLOW_STREAM = 3;

	private static final int FILLING_SIZE = 8 * 1024 * 1024;

	private static final long WAIT_SECONDS = 10;

	private final AtomicReference<Http2StreamSinkChannel> slowStream = new AtomicReference<>();

	private final AtomicLong fillingWritten = new AtomicLong();

	private final CountDownLatch slowWriterWoken = new CountDownLatch(1);

	private final CountDownLatch slowWriterReleased = new CountDownLatch(1);

	private final CountDownLatch slowExchangeEnded = new CountDownLatch(1);

	@RegisterExtension
	final H2cServers servers = new H2cServers();

	// before the server stops
	@AfterEach
	void releaseWriter() {
		this.slowWriterReleased.countDown();
	}

	@Test
	void connectionOutlivesAResetResponseClosedByItsWriterWhileFramesWaitForTheSocket() throws Exception {
		UndertowInternals internals = UndertowInternals.get();
		HttpHandler application = new BlockingHandler(this::respond);
		int port = this.servers
			.start(new SlowResponseResettingHandler(application, internals, 1024, Duration.ofMillis(100)));
		try (Socket socket = new Socket()) {
			// small buffers, so that the filling response soon waits for the socket
			socket.setReceiveBufferSize(16 * 1024);
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(2 * WAIT_SECONDS));
			OutputStream out = socket.getOutputStream();
			out.write(Http2Frames.PREFACE.getBytes(StandardCharsets.US_ASCII));
			// no stream gets window unless told
			Http2Frames.write(out, Http2Frames.SETTINGS, 0, 0,
					ByteBuffer.allocate(6).putShort((short) 0x4).putInt(0).array());
			Http2Frames.write(out, Http2Frames.WINDOW_UPDATE, 0, 0, ByteBuffer.allocate(4).putInt(1 << 30).array());
			int request = Http2Frames.END_STREAM | Http2Frames.END_HEADERS;
			Http2Frames.write(out, Http2Frames.HEADERS, request, FILLING_STREAM, Http2Frames.get("/filling"));
			Http2Frames.write(out, Http2Frames.WINDOW_UPDATE, 0, FILLING_STREAM,
					ByteBuffer.allocate(4).putInt(1 << 30).array());
			awaitFillingStalled();
			Http2Frames.write(out, Http2Frames.HEADERS, request, SLOW_STREAM, Http2Frames.get("/slow"));
			// the slow response waits for window, behind the filling one that waits for the
			// socket, until it is reset and its writer woken
			assertThat(this.slowWriterWoken.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("slow writer woken").isTrue();
			// a frame queued while the writer still has the stream open: the reset response's
			// frame must not go with it, as the writer closes the stream before the socket
			// drains
			Http2StreamSinkChannel stream = this.slowStream.get();
			CountDownLatch pinged = new CountDownLatch(1);
			stream.getIoThread().execute(() -> {
				stream.getChannel().sendPing(new byte[8]);
				pinged.countDown();
			});
			assertThat(pinged.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("ping queued").isTrue();
			this.slowWriterReleased.countDown();
			assertThat(this.slowExchangeEnded.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("slow exchange ended").isTrue();
			assertThat(stream.isOpen()).as("slow stream open").isFalse();
			// the socket drains: the connection goes on
			Received received = readUntilEnded(new DataInputStream(socket.getInputStream()), FILLING_STREAM);
			assertThat(received.ended).as("filling response ended").isTrue();
			assertThat(received.fillingBytes).isEqualTo(FILLING_SIZE);
			assertThat(received.resetError).as("slow stream reset with").isEqualTo(0x8);
		}
	}

	// the filling response waits for the socket once its writer makes no progress
	private void awaitFillingStalled() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		long written = -1;
		while (this.fillingWritten.get() == 0 || this.fillingWritten.get() != written) {
			assertThat(System.nanoTime()).as("filling response stalled").isLessThan(deadline);
			written = this.fillingWritten.get();
			Thread.sleep(300);
		}
		assertThat(written).isLessThan(FILLING_SIZE);
	}

	private void respond(HttpServerExchange exchange) throws Exception {
		OutputStream out = exchange.getOutputStream();
		byte[] chunk = new byte[16 * 1024];
		if (exchange.getRequestPath().equals("/filling")) {
			for (int written = 0; written < FILLING_SIZE; written += chunk.length) {
				out.write(chunk);
				this.fillingWritten.addAndGet(chunk.length);
			}
			return;
		}
		exchange.addExchangeCompleteListener((completed, next) -> {
			this.slowExchangeEnded.countDown();
			next.proceed();
		});
		this.slowStream.set(UndertowInternals.get().responseChannel(exchange));
		try {
			for (int i = 0; i < 16; i++) {
				out.write(chunk);
			}
		}
		catch (IOException ex) {
			this.slowWriterWoken.countDown();
			this.slowWriterReleased.await(WAIT_SECONDS, TimeUnit.SECONDS);
			// as the servlet container does when a write fails
			IoUtils.safeClose(this.slowStream.get());
			throw ex;
		}
	}

	private static Received readUntilEnded(DataInputStream in, int streamId) throws IOException {
		Received received = new Received();
		try {
			while (!received.ended) {
				Http2Frames.Frame frame = Http2Frames.read(in);
				if (frame.streamId() == streamId && frame.type() == Http2Frames.DATA) {
					received.fillingBytes += frame.payload().length;
				}
				if (frame.streamId() == streamId && frame.endsStream()) {
					received.ended = true;
				}
				if (frame.streamId() == SLOW_STREAM && frame.type() == Http2Frames.RST_STREAM) {
					received.resetError = frame.errorCode();
				}
			}
		}
		catch (EOFException ex) {
			// the connection closed
		}
		return received;
	}

	/**
	 * What the client read.
	 */
	private static final class Received {

		private long fillingBytes;

		private boolean ended;

		private int resetError = -1;

	}

}
