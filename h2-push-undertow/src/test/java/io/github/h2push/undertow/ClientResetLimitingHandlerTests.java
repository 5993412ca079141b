package io.github.h2push.undertow;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientResetLimitingHandler}, on an Undertow server that speaks
 * HTTP/2 without TLS to a client that writes its frames itself.
 */
class ClientResetLimitingHandlerTests {

	private static final int MAX_RESETS = 3;

	private static final int ENHANCE_YOUR_CALM = 0xb;

	private static final int CANCEL = 0x8;

	private final Semaphore writing = new Semaphore(0);

	private final Semaphore reset = new Semaphore(0);

	private final Semaphore completed = new Semaphore(0);

	@RegisterExtension
	final H2cServers servers = new H2cServers();

	// each request reset only once its response is being written, and each completed before
	// the next arrives: only the count at completion sees them
	@Test
	void closesAConnectionWhoseClientResetsTooManyRequestsWhileTheirResponsesAreWritten() throws Exception {
		int port = this.servers.start(new ClientResetLimitingHandler(new BlockingHandler(this::respond),
				UndertowInternals.get(), MAX_RESETS, Duration.ofSeconds(30)));
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			out.write(Http2Frames.PREFACE.getBytes(StandardCharsets.US_ASCII));
			Http2Frames.write(out, Http2Frames.SETTINGS, 0, 0, new byte[0]);
			for (int i = 0; i < MAX_RESETS; i++) {
				resetWhileWritten(out, 2 * i + 1);
			}
			// as many resets as allowed: the connection goes on
			Http2Frames.write(out, Http2Frames.PING, 0, 0, new byte[8]);
			assertThat(readUntilPingAckOrGoAway(in).type()).as("frame after %d resets", MAX_RESETS)
				.isEqualTo(Http2Frames.PING);
			resetWhileWritten(out, 2 * MAX_RESETS + 1);
			Http2Frames.Frame frame = readUntilPingAckOrGoAway(in);
			assertThat(frame.type()).as("frame after %d resets", MAX_RESETS + 1).isEqualTo(Http2Frames.GOAWAY);
			assertThat(frame.errorCode()).isEqualTo(ENHANCE_YOUR_CALM);
		}
	}

	private void resetWhileWritten(OutputStream out, int streamId) throws Exception {
		Http2Frames.write(out, Http2Frames.HEADERS, Http2Frames.END_STREAM | Http2Frames.END_HEADERS, streamId,
				Http2Frames.get("/large"));
		assertThat(this.writing.tryAcquire(10, TimeUnit.SECONDS)).as("stream %d written", streamId).isTrue();
		Http2Frames.write(out, Http2Frames.RST_STREAM, 0, streamId, ByteBuffer.allocate(4).putInt(CANCEL).array());
		this.reset.release();
		assertThat(this.completed.tryAcquire(10, TimeUnit.SECONDS)).as("stream %d completed", streamId).isTrue();
	}

	private void respond(HttpServerExchange exchange) throws Exception {
		exchange.addExchangeCompleteListener((done, next) -> {
			next.proceed();
			this.completed.release();
		});
		OutputStream out = exchange.getOutputStream();
		// the response begun, then written on until the client's reset stops it
		out.write(new byte[16]);
		out.flush();
		this.writing.release();
		this.reset.tryAcquire(10, TimeUnit.SECONDS);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		try {
			while (System.nanoTime() < deadline) {
				out.write(new byte[16]);
				out.flush();
				Thread.sleep(5);
			}
		}
		catch (IOException ex) {
			// as the servlet container does when a write fails
			exchange.endExchange();
		}
	}

	private static Http2Frames.Frame readUntilPingAckOrGoAway(DataInputStream in) throws IOException {
		while (true) {
			Http2Frames.Frame frame = Http2Frames.read(in);
			if (frame.type() == Http2Frames.GOAWAY
					|| (frame.type() == Http2Frames.PING && (frame.flags() & Http2Frames.ACK) != 0)) {
				return frame;
			}
		}
	}

}
