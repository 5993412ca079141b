package io.github.h2push.undertow;

import java.io.IOException;

import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A handler of the deployment's initial chain (see
 * {@link UndertowHandlerChainCustomizer}) that completes an HTTP/2 exchange whose
 * response went out whole but was not marked as sent.
 * <p>
 * Undertow 2.3 marks an HTTP/2 response as sent in a completion listener of its stream,
 * which the thread writing the response runs from {@code flush()} once the I/O thread
 * has written the final frame. When that {@code flush()} overlaps the I/O thread
 * finishing the frame, it reads the listener as not yet due and then finds the stream
 * closed, so the listener never runs; ending the exchange then takes the response for
 * unfinished and resets its stream with {@code RST_STREAM(CANCEL)}, after the client
 * has received all of it. Before the exchange ends, this handler flushes such a stream
 * once more, which runs the listener as Undertow would have.
 *
 * @since 0.1.0
 */
class ResponseCompletionHandler implements HttpHandler {

	private static final Log logger = LogFactory.getLog(ResponseCompletionHandler.class);

	private final HttpHandler next;

	private final UndertowInternals internals;

	// one listener for every exchange: it finds the stream when it is consulted, which is rare
	private final DefaultResponseListener completing = this::completeIfSent;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param internals reaches an exchange's HTTP/2 stream
	 */
	ResponseCompletionHandler(HttpHandler next, UndertowInternals internals) {
		this.next = next;
		this.internals = internals;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		if (exchange.getConnection() instanceof Http2ServerConnection) {
			// consulted only when the exchange ends with its response not marked as sent
			exchange.addDefaultResponseListener(this.completing);
		}
		this.next.handleRequest(exchange);
	}

	// never answers the request: returning false lets the exchange end as it would
	private boolean completeIfSent(HttpServerExchange exchange) {
		Http2StreamSinkChannel stream = this.internals.responseChannel(exchange);
		if (stream == null || exchange.isResponseComplete() || stream.isOpen()) {
			return false;
		}
		try {
			// on a closed stream, runs a completion listener that is due, and nothing else
			stream.flush();
			if (logger.isDebugEnabled() && exchange.isResponseComplete()) {
				logger.debug("Completed the response of stream " + stream.getStreamId() + " ("
						+ exchange.getRequestPath() + "), sent whole but not marked as sent");
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not complete the response of stream " + stream.getStreamId(), ex);
		}
		return false;
	}

}
