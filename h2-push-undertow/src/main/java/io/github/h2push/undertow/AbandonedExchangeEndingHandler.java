package io.github.h2push.undertow;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http2.Http2ServerConnection;

/**
 * A handler of the deployment's initial chain that ends the exchanges an HTTP/2
 * connection leaves behind when it closes.
 * <p>
 * When a client goes away while its connection still has pushed responses (and the
 * requests queued behind them) in flight, Undertow 2.3 closes their streams but never
 * completes some of their exchanges: nothing runs them any more, yet they count as
 * active, and a graceful shutdown waits its whole timeout for them. A moment after the
 * connection closed, so that a handler still writing fails on its own first, this
 * handler terminates the exchanges of that connection that are not complete, which runs
 * their completion listeners.
 *
 * @since 0.1.0
 */
class AbandonedExchangeEndingHandler implements HttpHandler {

	private final HttpHandler next;

	private final UndertowInternals internals;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param internals reaches an exchange's HTTP/2 channel
	 */
	AbandonedExchangeEndingHandler(HttpHandler next, UndertowInternals internals) {
		this.next = next;
		this.internals = internals;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		if (exchange.getConnection() instanceof Http2ServerConnection connection) {
			Http2Channel channel = this.internals.channel(connection);
			if (channel != null) {
				track(exchange, channel);
			}
		}
		this.next.handleRequest(exchange);
	}

	private static void track(HttpServerExchange exchange, Http2Channel channel) {
		ConnectionExchanges open = ConnectionExchanges.of(exchange, channel);
		open.track(exchange);
		open.endAbandonedOnClose();
	}

}
