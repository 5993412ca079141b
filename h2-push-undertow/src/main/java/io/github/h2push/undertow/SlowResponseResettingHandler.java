package io.github.h2push.undertow;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.xnio.XnioExecutor;

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
			Watch watch = new Watch(exchange, stream);
			watch.schedule();
			exchange.addExchangeCompleteListener((completed, nextListener) -> {
				try {
					watch.cancel();
				}
				finally {
					nextListener.proceed();
				}
			});
		}
		this.next.handleRequest(exchange);
	}

	/**
	 * Measures one response, on its connection's I/O thread, which alone moves frames
	 * between those held for window and those waiting for the socket.
	 */
	private final class Watch implements Runnable {

		private final HttpServerExchange exchange;

		private final Http2StreamSinkChannel stream;

		private long sent;

		private XnioExecutor.Key key;

		private boolean cancelled;

		Watch(HttpServerExchange exchange, Http2StreamSinkChannel stream) {
			this.exchange = exchange;
			this.stream = stream;
		}

		synchronized void schedule() {
			if (!this.cancelled) {
				this.key = this.exchange.getIoThread()
					.executeAfter(this, SlowResponseResettingHandler.this.intervalMillis, TimeUnit.MILLISECONDS);
			}
		}

		synchronized void cancel() {
			this.cancelled = true;
			if (this.key != null) {
				this.key.remove();
			}
		}

		@Override
		public void run() {
			if (this.exchange.isComplete() || !this.stream.isOpen() || this.stream.isBroken()) {
				return;
			}
			// what the application handed to the stream; once the stream's buffer is full,
			// as much as the client lets through
			long sent = this.exchange.getResponseBytesSent();
			long progress = sent - this.sent;
			this.sent = sent;
			if (progress < SlowResponseResettingHandler.this.minBytesPerInterval && this.stream.isReadyForFlush()
					&& SlowResponseResettingHandler.this.internals.removeHeldFrame(this.stream)) {
				reset(progress);
				return;
			}
			schedule();
		}

		private void reset(long progress) {
			if (logger.isDebugEnabled()) {
				logger.debug("Resetting response " + this.exchange.getRequestPath() + " to "
						+ this.exchange.getSourceAddress() + ": " + progress + " bytes in the last "
						+ SlowResponseResettingHandler.this.intervalMillis + " ms, the rest waiting for window");
			}
			this.stream.getChannel().sendRstStream(this.stream.getStreamId(), Http2Channel.ERROR_CANCEL);
			// a writer waiting for window is only woken by a broken stream; its frame, taken
			// out of the held ones with none of its bytes written, is never written, so the
			// connection's framing stays intact
			this.stream.markBroken();
		}

	}

}
