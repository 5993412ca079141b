package io.github.h2push.undertow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.server.Connectors;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import io.undertow.servlet.api.ThreadSetupHandler;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.AttachmentKey;
import io.undertow.util.SameThreadExecutor;

import org.springframework.lang.Nullable;

/**
 * The last handler of the deployment's initial chain (see
 * {@link UndertowHandlerChainCustomizer}) that lets each HTTP/2 connection run at most
 * so many of its requests, pushed ones included, at once on the threads that run the
 * application. Further requests of that connection wait, holding no thread, and start in
 * the order they arrived as running ones end.
 * <p>
 * Undertow hands every request of an HTTP/2 connection to a worker thread as it arrives,
 * and a thread writing a response waits while the client gives the response no
 * flow-control window: one connection that opens many streams and lets their responses
 * through a little at a time would hold every worker thread, and every other client
 * would wait. A request counts from its arrival until the thread that runs it in the
 * servlet container leaves it (its response written, or asynchronous processing started;
 * see {@link #releasingWhenThreadLeaves()}) or the exchange completes, whichever comes
 * first.
 *
 * @since 0.1.0
 */
class RunningRequestLimitingHandler implements HttpHandler {

	private static final AttachmentKey<Running> RUNNING = AttachmentKey.create(Running.class);

	private static final AttachmentKey<Request> REQUEST = AttachmentKey.create(Request.class);

	private final HttpHandler next;

	private final UndertowInternals internals;

	private final Function<Http2Channel, Running> newRunning;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 * @param internals reaches an HTTP/2 connection's channel
	 * @param maxRunning how many requests of one connection may run at once
	 */
	RunningRequestLimitingHandler(HttpHandler next, UndertowInternals internals, int maxRunning) {
		this.next = next;
		this.internals = internals;
		this.newRunning = (channel) -> new Running(maxRunning);
	}

	/**
	 * Ends the count of a request when the servlet container's thread leaves it, to
	 * install with {@code DeploymentInfo.addThreadSetupAction}: Undertow runs each request
	 * dispatch (and each asynchronous dispatch) through these actions, its response's last
	 * write included, on whichever thread runs it.
	 * @return the action
	 */
	static ThreadSetupHandler releasingWhenThreadLeaves() {
		return new ThreadSetupHandler() {

			@Override
			public <T, C> Action<T, C> create(Action<T, C> action) {
				return (exchange, context) -> {
					try {
						return action.call(exchange, context);
					}
					finally {
						// the request's own dispatch, not a listener or task of it
						if (exchange != null && context instanceof ServletRequestContext) {
							Request request = exchange.getAttachment(REQUEST);
							if (request != null) {
								request.end();
							}
						}
					}
				};
			}

		};
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		Running running = running(exchange);
		if (running == null) {
			this.next.handleRequest(exchange);
			return;
		}
		Request request = new Request(exchange, running, this.next);
		exchange.putAttachment(REQUEST, request);
		exchange.addExchangeCompleteListener(request);
		if (running.tryStart(request)) {
			this.next.handleRequest(exchange);
			return;
		}
		// keeps the exchange open without a thread; checked again once this call returns,
		// as a running request may have ended meanwhile
		exchange.dispatch(SameThreadExecutor.INSTANCE, () -> running.startOrWait(request));
	}

	@Nullable
	private Running running(HttpServerExchange exchange) {
		if (!(exchange.getConnection() instanceof Http2ServerConnection connection)) {
			return null;
		}
		Http2Channel channel = this.internals.channel(connection);
		if (channel == null) {
			return null;
		}
		return ConnectionAttachments.getOrCreate(connection, channel, RUNNING, this.newRunning);
	}

	/**
	 * The requests of one connection: how many run, and those waiting to.
	 */
	private static final class Running {

		private final int max;

		private final Deque<Request> waiting = new ArrayDeque<>();

		private int count;

		Running(int max) {
			this.max = max;
		}

		synchronized boolean tryStart(Request request) {
			if (this.count >= this.max) {
				return false;
			}
			this.count++;
			request.state = Request.RUNNING;
			return true;
		}

		void startOrWait(Request request) {
			synchronized (this) {
				if (request.state != Request.NEW) {
					return;
				}
				if (this.count >= this.max) {
					request.state = Request.WAITING;
					this.waiting.add(request);
					return;
				}
				this.count++;
				request.state = Request.RUNNING;
			}
			request.resume();
		}

		// a running request ended: its place goes to the first waiting request not ended
		void end(Request request) {
			Request successor;
			synchronized (this) {
				boolean wasRunning = request.state == Request.RUNNING;
				request.state = Request.ENDED;
				if (!wasRunning) {
					return;
				}
				do {
					successor = this.waiting.poll();
				}
				while (successor != null && (successor.state != Request.WAITING || successor.exchange.isComplete()));
				if (successor == null) {
					this.count--;
					return;
				}
				successor.state = Request.RUNNING;
			}
			successor.resume();
		}

	}

	/**
	 * One request of a connection, counted while it runs.
	 */
	private static final class Request implements ExchangeCompletionListener {

		static final int NEW = 0;

		static final int WAITING = 1;

		static final int RUNNING = 2;

		static final int ENDED = 3;

		private final HttpServerExchange exchange;

		private final Running running;

		private final HttpHandler next;

		// guarded by running
		private int state = NEW;

		Request(HttpServerExchange exchange, Running running, HttpHandler next) {
			this.exchange = exchange;
			this.running = running;
			this.next = next;
		}

		void end() {
			this.running.end(this);
		}

		@Override
		public void exchangeEvent(HttpServerExchange exchange, NextListener nextListener) {
			try {
				end();
			}
			finally {
				nextListener.proceed();
			}
		}

		// as it would have started on arrival: on the connection's I/O thread
		void resume() {
			this.exchange.getIoThread().execute(() -> {
				if (!this.exchange.isComplete()) {
					Connectors.executeRootHandler(this.next, this.exchange);
				}
			});
		}

	}

}
