package io.github.h2push.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * The first handler of a deployment: lets Undertow release the slot of every pushed
 * stream when it completes. See {@link Http2PushSlots}.
 *
 * @since 0.1.0
 */
public class PushedStreamReleasingHandler implements HttpHandler {

	private final HttpHandler next;

	private final Http2PushSlots slots;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param slots the push slots
	 */
	public PushedStreamReleasingHandler(HttpHandler next, Http2PushSlots slots) {
		this.next = next;
		this.slots = slots;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		this.slots.releaseWhenComplete(exchange);
		this.next.handleRequest(exchange);
	}

}
