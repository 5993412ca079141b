package io.github.h2push.undertow;

import java.util.List;
import java.util.function.Consumer;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import io.github.h2push.PushListener;

/**
 * The first handler of a deployment: lets Undertow release the slot of every pushed
 * stream when it completes, and tells the listeners of pushed streams the client reset.
 * See {@link Http2PushSlots}.
 *
 * @since 0.1.0
 */
public class PushedStreamReleasingHandler implements HttpHandler {

	private final HttpHandler next;

	private final Http2PushSlots slots;

	private final Consumer<String> onReset;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param slots the push slots
	 * @param listeners told when the client resets a pushed stream
	 */
	public PushedStreamReleasingHandler(HttpHandler next, Http2PushSlots slots, List<PushListener> listeners) {
		this.next = next;
		this.slots = slots;
		this.onReset = (path) -> listeners.forEach((listener) -> listener.onPushReset(path));
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		this.slots.releaseWhenComplete(exchange, this.onReset);
		this.next.handleRequest(exchange);
	}

}
