package io.github.h2push.undertow;

import java.util.List;
import java.util.function.Consumer;

import io.github.h2push.PushListener;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * A handler of the deployment's initial chain, ahead of any handler that may answer or
 * end an exchange (see {@link UndertowHandlerChainCustomizer}): lets Undertow release the
 * slot of every pushed stream when it completes, tells the listeners of pushed streams
 * the client reset, and runs a pushed response only within the limits of a
 * {@link PushedResponseGuard}. See {@link Http2PushSlots}.
 *
 * @since 0.1.0
 */
class PushedStreamReleasingHandler implements HttpHandler {

	private final HttpHandler next;

	private final Http2PushSlots slots;

	private final PushedResponseGuard guard;

	private final Consumer<String> onReset;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param slots the push slots
	 * @param guard bounds the pushed responses of a connection
	 * @param listeners told when the client resets a pushed stream
	 */
	public PushedStreamReleasingHandler(HttpHandler next, Http2PushSlots slots, PushedResponseGuard guard,
			List<PushListener> listeners) {
		this.next = next;
		this.slots = slots;
		this.guard = guard;
		this.onReset = (path) -> listeners.forEach((listener) -> listener.onPushReset(path));
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		Http2StreamSinkChannel pushed = this.slots.releaseWhenComplete(exchange, this.onReset);
		if (pushed != null) {
			if (!this.guard.start(exchange, pushed)) {
				return;
			}
			exchange.putAttachment(PushedResponseCacheHandler.PUSHED, Boolean.TRUE);
		}
		this.next.handleRequest(exchange);
	}

}
