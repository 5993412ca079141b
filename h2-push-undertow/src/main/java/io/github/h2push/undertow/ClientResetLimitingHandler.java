package io.github.h2push.undertow;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.xnio.IoUtils;

/**
 * A handler of the deployment's initial chain, run on the connection's I/O thread as each
 * request arrives, ahead of any handler that may answer it (see
 * {@link UndertowHandlerChainCustomizer}), that closes an HTTP/2 connection whose client
 * resets too many of its own requests before they are answered (rapid reset,
 * CVE-2023-44487), with GOAWAY(ENHANCE_YOUR_CALM).
 * <p>
 * Undertow 2.3 (up to 2.3.27 at least) has such a limit
 * ({@code UndertowOptions.MAX_RST_FRAMES_PER_WINDOW}) but counts a reset only while the
 * stream's request is still being received, so a client that sends each request in one
 * HEADERS frame and resets it at once is never stopped. This handler counts, per
 * connection, the requests whose stream was reset before their response was complete:
 * the previous request when the next one arrives (so that a flood is stopped while it is
 * being read, not once the worker threads reach it) and every request when it completes,
 * each once.
 *
 * @since 0.1.0
 */
class ClientResetLimitingHandler implements HttpHandler {

	private static final Log logger = LogFactory.getLog(ClientResetLimitingHandler.class);

	private static final AttachmentKey<Resets> RESETS = AttachmentKey.create(Resets.class);

	private final HttpHandler next;

	private final UndertowInternals internals;

	private final int maxResets;

	private final long windowMillis;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param internals reaches an exchange's HTTP/2 stream
	 * @param maxResets how many resets a connection may make within the window
	 * @param window the window
	 */
	public ClientResetLimitingHandler(HttpHandler next, UndertowInternals internals, int maxResets, Duration window) {
		this.next = next;
		this.internals = internals;
		this.maxResets = maxResets;
		this.windowMillis = window.toMillis();
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		Http2StreamSinkChannel stream = this.internals.responseChannel(exchange);
		if (stream != null && stream.getStreamId() % 2 == 1) {
			Http2Channel channel = stream.getChannel();
			Resets resets = ConnectionAttachments.getOrCreate(exchange.getConnection(), channel, RESETS,
					(created) -> new Resets());
			Request request = new Request(exchange, stream, resets);
			Request previous = resets.last;
			resets.last = request;
			if (previous != null && previous.wasResetBeforeComplete()) {
				count(previous, resets, exchange, channel);
			}
			exchange.addExchangeCompleteListener(request);
		}
		this.next.handleRequest(exchange);
	}

	private void count(Request request, Resets resets, HttpServerExchange exchange, Http2Channel channel) {
		if (!request.counted.compareAndSet(false, true)) {
			return;
		}
		if (resets.count(System.currentTimeMillis(), this.windowMillis) > this.maxResets && !channel.isThisGoneAway()) {
			logger.debug("Closing HTTP/2 connection from " + exchange.getSourceAddress() + ": more than "
					+ this.maxResets + " requests reset within " + this.windowMillis + " ms");
			channel.sendGoAway(Http2Channel.ERROR_ENHANCE_YOUR_CALM);
			// read no more of what the client keeps sending: the I/O thread serves other
			// connections too. Undertow closes the connection once the GOAWAY is written;
			// close it anyway if the client does not read it
			channel.suspendReceives();
			channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), 1, TimeUnit.SECONDS);
		}
	}

	/**
	 * One request of a connection, counted at most once.
	 */
	private final class Request implements ExchangeCompletionListener {

		private final HttpServerExchange exchange;

		private final Http2StreamSinkChannel stream;

		private final Resets resets;

		private final AtomicBoolean counted = new AtomicBoolean();

		Request(HttpServerExchange exchange, Http2StreamSinkChannel stream, Resets resets) {
			this.exchange = exchange;
			this.stream = stream;
			this.resets = resets;
		}

		@Override
		public void exchangeEvent(HttpServerExchange completed, NextListener nextListener) {
			try {
				if (Http2PushSlots.wasReset(this.stream)) {
					count(this, this.resets, completed, this.stream.getChannel());
				}
			}
			finally {
				nextListener.proceed();
			}
		}

		// a stream the client reset is closed (or broken) while its exchange still runs
		boolean wasResetBeforeComplete() {
			return !this.exchange.isComplete() && (!this.stream.isOpen() || this.stream.isBroken());
		}

	}

	/**
	 * The resets of one connection within the current window, and its latest request.
	 */
	private static final class Resets {

		private volatile Request last;

		private long start;

		private int count;

		synchronized int count(long now, long windowMillis) {
			if (this.count == 0 || now - this.start >= windowMillis) {
				this.start = now;
				this.count = 0;
			}
			return ++this.count;
		}

	}

}
