package io.github.h2push.undertow;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The first handler of the deployment's initial chain, run on the connection's I/O
 * thread as each request arrives (see {@link UndertowHandlerChainCustomizer}), that
 * refuses the streams a client opens beyond the SETTINGS_MAX_CONCURRENT_STREAMS the
 * server advertised, with RST_STREAM(REFUSED_STREAM), before anything else handles them.
 * <p>
 * Undertow 2.3 advertises the limit (when
 * {@code UndertowOptions.HTTP2_SETTINGS_MAX_CONCURRENT_STREAMS} is set) and counts the
 * streams a client has open, but never compares the two: a client could open any
 * number of streams, each a request waiting for a thread. A client that keeps to the
 * limit is never refused: Undertow stops counting a stream as it writes the stream's
 * last frame, on this same I/O thread, before the client can learn that the stream
 * ended. A refused request has not been processed, so the client may send it again.
 *
 * @since 0.1.0
 */
class ConcurrentStreamLimitingHandler implements HttpHandler {

	private static final Log logger = LogFactory.getLog(ConcurrentStreamLimitingHandler.class);

	private final HttpHandler next;

	private final UndertowInternals internals;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param internals reaches an exchange's HTTP/2 stream and the count of open streams
	 */
	ConcurrentStreamLimitingHandler(HttpHandler next, UndertowInternals internals) {
		this.next = next;
		this.internals = internals;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		Http2StreamSinkChannel stream = this.internals.responseChannel(exchange);
		if (stream != null && stream.getStreamId() % 2 == 1 && isOverTheLimit(stream.getChannel())) {
			if (logger.isDebugEnabled()) {
				logger.debug("Refusing stream " + stream.getStreamId() + " from " + exchange.getSourceAddress()
						+ ": more than " + stream.getChannel().getReceiveMaxConcurrentStreams()
						+ " concurrent streams");
			}
			stream.getChannel().sendRstStream(stream.getStreamId(), Http2Channel.ERROR_REFUSED_STREAM);
			exchange.endExchange();
			return;
		}
		this.next.handleRequest(exchange);
	}

	// the stream of this request is counted already
	private boolean isOverTheLimit(Http2Channel channel) {
		int limit = channel.getReceiveMaxConcurrentStreams();
		return limit > 0 && this.internals.receiveConcurrentStreams(channel) > limit;
	}

}
