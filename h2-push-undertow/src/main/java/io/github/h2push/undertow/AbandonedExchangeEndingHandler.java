package io.github.h2push.undertow;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import io.undertow.util.AttachmentKey;

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

	private static final AttachmentKey<OpenExchanges> OPEN_EXCHANGES = AttachmentKey.create(OpenExchanges.class);

	// how long a closed connection's exchanges get to end on their own
	private static final long GRACE_MILLIS = 1000;

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
		OpenExchanges open = openExchanges(exchange, channel);
		open.exchanges.add(exchange);
		exchange.addExchangeCompleteListener((completed, nextListener) -> {
			try {
				open.exchanges.remove(completed);
			}
			finally {
				nextListener.proceed();
			}
		});
		if (!channel.isOpen()) {
			// closed before the close task was added, or right after this exchange began
			channel.getIoThread().executeAfter(open::endAll, GRACE_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	private static OpenExchanges openExchanges(HttpServerExchange exchange, Http2Channel channel) {
		synchronized (channel) {
			// attachments of an HTTP/2 exchange's connection are the channel's
			OpenExchanges open = exchange.getConnection().getAttachment(OPEN_EXCHANGES);
			if (open == null) {
				OpenExchanges created = new OpenExchanges();
				exchange.getConnection().putAttachment(OPEN_EXCHANGES, created);
				channel.addCloseTask((closed) -> closed.getIoThread()
					.executeAfter(created::endAll, GRACE_MILLIS, TimeUnit.MILLISECONDS));
				open = created;
			}
			return open;
		}
	}

	/**
	 * The exchanges of one connection that have not completed.
	 */
	private static final class OpenExchanges {

		private final Set<HttpServerExchange> exchanges = ConcurrentHashMap.newKeySet();

		void endAll() {
			for (HttpServerExchange exchange : this.exchanges) {
				if (!exchange.isComplete()) {
					Connectors.terminateRequest(exchange);
					Connectors.terminateResponse(exchange);
				}
				this.exchanges.remove(exchange);
			}
		}

	}

}
