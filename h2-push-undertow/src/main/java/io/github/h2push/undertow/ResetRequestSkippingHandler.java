package io.github.h2push.undertow;

import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * A handler run on the worker thread before the servlet chain that skips the
 * application for an HTTP/2 request whose stream the client reset before it ran: Undertow
 * 2.3 still runs such a request, so a client resetting every request at once (rapid
 * reset) would make the server do all of their work.
 *
 * @since 0.1.0
 */
class ResetRequestSkippingHandler implements HttpHandler {

	private final HttpHandler next;

	private final Http2PushSlots slots;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param slots reaches an exchange's HTTP/2 stream
	 */
	public ResetRequestSkippingHandler(HttpHandler next, Http2PushSlots slots) {
		this.next = next;
		this.slots = slots;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		Http2StreamSinkChannel stream = this.slots.responseChannel(exchange);
		if (stream != null && stream.getStreamId() % 2 == 1 && (!stream.isOpen() || stream.isBroken())) {
			return;
		}
		this.next.handleRequest(exchange);
	}

}
