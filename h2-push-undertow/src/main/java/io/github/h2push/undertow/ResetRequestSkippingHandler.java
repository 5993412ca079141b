package io.github.h2push.undertow;

import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * A handler of the deployment's outer chain, run on the worker thread just before the
 * servlet chain (see {@link UndertowHandlerChainCustomizer}), that skips the application
 * for an HTTP/2 request whose stream the client reset before it ran: Undertow 2.3 still
 * runs such a request, so a client resetting every request at once (rapid reset) would
 * make the server do all of their work.
 *
 * @since 0.1.0
 */
class ResetRequestSkippingHandler implements HttpHandler {

	private final HttpHandler next;

	private final UndertowInternals internals;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param internals reaches an exchange's HTTP/2 stream
	 */
	public ResetRequestSkippingHandler(HttpHandler next, UndertowInternals internals) {
		this.next = next;
		this.internals = internals;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		Http2StreamSinkChannel stream = this.internals.responseChannel(exchange);
		if (stream != null && stream.getStreamId() % 2 == 1 && (!stream.isOpen() || stream.isBroken())) {
			return;
		}
		this.next.handleRequest(exchange);
	}

}
