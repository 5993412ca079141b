package io.github.h2push.undertow;

import java.time.Duration;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A handler of the deployment's initial chain (see
 * {@link UndertowHandlerChainCustomizer}) that resets an HTTP/2 response the client lets
 * through too slowly: when, at the end of an interval, its data waits for the client's
 * flow-control window and less than the minimum send rate went out during that
 * interval, its stream is reset (RST_STREAM(CANCEL)) and the thread writing it released.
 * <p>
 * Undertow's write timeout resets a stream only when a write makes no progress at all:
 * a client that opens the window by one byte every few seconds keeps the thread writing
 * the response waiting for as long as the response lasts. Data waiting for the socket
 * rather than for window (a client that reads slowly) is left to the write timeout, and
 * so is a response the application is not writing.
 *
 * @since 0.1.0
 */
class SlowResponseResettingHandler implements HttpHandler {

	private static final Log logger = LogFactory.getLog(SlowResponseResettingHandler.class);

	private final HttpHandler next;

	private final UndertowInternals internals;

	private final long minBytesPerInterval;

	private final long intervalMillis;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param internals reaches an exchange's HTTP/2 stream and tells whether its data
	 * waits for window
	 * @param minBytesPerSecond the minimum send rate
	 * @param interval how often the rate is measured
	 */
	SlowResponseResettingHandler(HttpHandler next, UndertowInternals internals, long minBytesPerSecond,
			Duration interval) {
		this.next = next;
		this.internals = internals;
		this.intervalMillis = interval.toMillis();
		this.minBytesPerInterval = minBytesPerSecond * this.intervalMillis / 1000;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		Http2StreamSinkChannel stream = this.internals.responseChannel(exchange);
		if (stream != null && stream.getStreamId() % 2 == 1) {
			ConnectionExchanges.of(exchange, stream.getChannel()).watchSendRate(exchange, this);
		}
		this.next.handleRequest(exchange);
	}

	long intervalMillis() {
		return this.intervalMillis;
	}

	/**
	 * Whether an exchange's response is one this handler measures: a response to a
	 * client's request, not complete, its stream open.
	 */
	boolean isWatched(HttpServerExchange exchange) {
		if (exchange.isComplete()) {
			return false;
		}
		Http2StreamSinkChannel stream = this.internals.responseChannel(exchange);
		return stream != null && stream.getStreamId() % 2 == 1 && stream.isOpen() && !stream.isBroken();
	}

	/**
	 * Resets a response, on its connection's I/O thread, when less than the minimum went
	 * out in the last interval and its data waits for window.
	 * @param exchange a watched exchange
	 * @param progress the bytes its response sent in the last interval: what the
	 * application handed to the stream; once the stream's buffer is full, as much as the
	 * client lets through
	 * @return whether it was reset
	 */
	boolean resetIfSlow(HttpServerExchange exchange, long progress) {
		Http2StreamSinkChannel stream = this.internals.responseChannel(exchange);
		if (stream == null || progress >= this.minBytesPerInterval || !stream.isReadyForFlush()
				|| !this.internals.removeHeldFrame(stream)) {
			return false;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Resetting response " + exchange.getRequestPath() + " to " + exchange.getSourceAddress()
					+ ": " + progress + " bytes in the last " + this.intervalMillis
					+ " ms, the rest waiting for window");
		}
		stream.getChannel().sendRstStream(stream.getStreamId(), Http2Channel.ERROR_CANCEL);
		// a writer waiting for window is only woken by a broken stream; its frame, taken
		// out of the held ones with none of its bytes written, is never written, so the
		// connection's framing stays intact
		stream.markBroken();
		return true;
	}

}
