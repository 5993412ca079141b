package io.github.h2push.undertow;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ConnectionExchanges}, kept by {@link SlowResponseResettingHandler} on
 * an Undertow server that speaks HTTP/2 without TLS to a client that writes its frames
 * itself.
 */
class ConnectionExchangesTests {

	private static final Duration INTERVAL = Duration.ofMillis(50);

	private final AtomicReference<ConnectionExchanges> exchanges = new AtomicReference<>();

	private volatile CountDownLatch released = new CountDownLatch(1);

	@RegisterExtension
	final H2cServers servers = new H2cServers();

	// before the server stops
	@AfterEach
	void releaseResponses() {
		this.released.countDown();
	}

	@Test
	void keepsRunningResponsesMeasuredOnceATimerRunAndForgetsThemWhenTheyComplete() throws Exception {
		UndertowInternals internals = UndertowInternals.get();
		try (Socket socket = connect(new SlowResponseResettingHandler(new BlockingHandler(this::respond), internals,
				1024, INTERVAL))) {
			OutputStream out = socket.getOutputStream();
			int request = Http2Frames.END_STREAM | Http2Frames.END_HEADERS;
			for (int stream = 1; stream <= 5; stream += 2) {
				Http2Frames.write(out, Http2Frames.HEADERS, request, stream, Http2Frames.get("/held"));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.exchanges.get() != null);
			ConnectionExchanges open = this.exchanges.get();
			// one timer for the connection measures the three held responses
			await().atMost(Duration.ofSeconds(10)).until(() -> open.size() == 3 && open.measuredResponses() == 3);
			assertThat(open.isMeasuringSendRate()).isTrue();
			this.released.countDown();
			readUntilEnded(new DataInputStream(socket.getInputStream()), Set.of(1, 3, 5));
			// completed exchanges are neither kept nor measured, and the timer stops
			await().atMost(Duration.ofSeconds(10))
				.until(() -> open.size() == 0 && open.measuredResponses() == 0 && !open.isMeasuringSendRate());
			// a later request starts it again
			this.released = new CountDownLatch(1);
			Http2Frames.write(out, Http2Frames.HEADERS, request, 7, Http2Frames.get("/held"));
			await().atMost(Duration.ofSeconds(10)).until(() -> open.size() == 1 && open.isMeasuringSendRate());
			this.released.countDown();
			readUntilEnded(new DataInputStream(socket.getInputStream()), Set.of(7));
			await().atMost(Duration.ofSeconds(10)).until(() -> open.size() == 0 && !open.isMeasuringSendRate());
		}
	}

	@Test
	void measuresOnlyTheResponsesTheSlowResponseHandlerWatches() throws Exception {
		UndertowInternals internals = UndertowInternals.get();
		HttpHandler application = new BlockingHandler(this::respond);
		HttpHandler watched = new SlowResponseResettingHandler(application, internals, 1024, INTERVAL);
		// a request answered before the slow-response handler, which only the abandoned-exchange
		// handler tracked
		HttpHandler routes = (exchange) -> (exchange.getRequestPath().equals("/unwatched") ? application : watched)
			.handleRequest(exchange);
		try (Socket socket = connect(new AbandonedExchangeEndingHandler(routes, internals))) {
			OutputStream out = socket.getOutputStream();
			int request = Http2Frames.END_STREAM | Http2Frames.END_HEADERS;
			Http2Frames.write(out, Http2Frames.HEADERS, request, 1, Http2Frames.get("/unwatched"));
			Http2Frames.write(out, Http2Frames.HEADERS, request, 3, Http2Frames.get("/held"));
			await().atMost(Duration.ofSeconds(10)).until(() -> this.exchanges.get() != null);
			ConnectionExchanges open = this.exchanges.get();
			await().atMost(Duration.ofSeconds(10)).until(() -> open.size() == 2 && open.measuredResponses() == 1);
			// several more runs of the timer measure still only the watched one
			Thread.sleep(4 * INTERVAL.toMillis());
			assertThat(open.measuredResponses()).isOne();
			this.released.countDown();
			readUntilEnded(new DataInputStream(socket.getInputStream()), Set.of(1, 3));
			await().atMost(Duration.ofSeconds(10)).until(() -> open.size() == 0 && !open.isMeasuringSendRate());
		}
	}

	// starts the server with the handler, and opens an HTTP/2 connection without TLS to it
	private Socket connect(HttpHandler handler) throws IOException {
		int port = this.servers.start(handler);
		Socket socket = new Socket("127.0.0.1", port);
		socket.setSoTimeout(10_000);
		OutputStream out = socket.getOutputStream();
		out.write(Http2Frames.PREFACE.getBytes(StandardCharsets.US_ASCII));
		Http2Frames.write(out, Http2Frames.SETTINGS, 0, 0, new byte[0]);
		return socket;
	}

	private void respond(HttpServerExchange exchange) throws Exception {
		this.exchanges.compareAndSet(null, ConnectionExchanges.of(exchange,
				UndertowInternals.get().responseChannel(exchange).getChannel()));
		this.released.await(10, TimeUnit.SECONDS);
		exchange.getResponseSender().send("done");
	}

	private static void readUntilEnded(DataInputStream in, Set<Integer> streams) throws IOException {
		Set<Integer> ended = new HashSet<>();
		while (!ended.containsAll(streams)) {
			Http2Frames.Frame frame = Http2Frames.read(in);
			if (frame.endsStream()) {
				ended.add(frame.streamId());
			}
		}
	}

}
