package io.github.h2push.undertow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.server.Connectors;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;

/**
 * The exchanges of one HTTP/2 connection that have not completed, kept once for the
 * handlers that act on them: {@link AbandonedExchangeEndingHandler} ends those left when
 * the connection closes, and {@link SlowResponseResettingHandler} measures how fast the
 * client lets the responses it watches through, with one timer for the connection rather
 * than one per request.
 * <p>
 * Tracking an exchange costs a map entry, which also holds what its response had sent
 * at the timer's last run; this object is the exchange's completion listener that
 * removes it.
 */
final class ConnectionExchanges implements ExchangeCompletionListener {

	private static final Log logger = LogFactory.getLog(ConnectionExchanges.class);

	private static final AttachmentKey<ConnectionExchanges> KEY = AttachmentKey.create(ConnectionExchanges.class);

	// how long a closed connection's exchanges get to end on their own
	private static final long GRACE_MILLIS = 1000;

	// the value of an exchange whose send rate is not measured
	private static final Long NOT_WATCHED = -2L;

	// the value of a watched exchange the timer has not run for yet
	private static final Long NOT_MEASURED = -1L;

	private final Http2Channel channel;

	// each open exchange, with the bytes its response had sent at the timer's last run
	private final Map<HttpServerExchange, Long> exchanges = new ConcurrentHashMap<>();

	private volatile boolean endingOnClose;

	@Nullable
	private volatile SendRate sendRate;

	private ConnectionExchanges(Http2Channel channel) {
		this.channel = channel;
	}

	/**
	 * The open exchanges of an exchange's connection, created on first use.
	 * @param exchange an exchange of the connection
	 * @param channel the connection's HTTP/2 channel
	 * @return the connection's open exchanges
	 */
	static ConnectionExchanges of(HttpServerExchange exchange, Http2Channel channel) {
		return ConnectionAttachments.getOrCreate(exchange.getConnection(), channel, KEY, ConnectionExchanges::new);
	}

	/**
	 * Keeps an exchange until it completes; tracking it twice keeps it once.
	 * @param exchange the exchange
	 */
	void track(HttpServerExchange exchange) {
		if (this.exchanges.putIfAbsent(exchange, NOT_WATCHED) == null) {
			exchange.addExchangeCompleteListener(this);
		}
	}

	/**
	 * Keeps an exchange until it completes, and has the connection's timer measure its
	 * response's send rate.
	 * @param exchange the exchange
	 * @param handler what measures a response and resets it
	 */
	void watchSendRate(HttpServerExchange exchange, SlowResponseResettingHandler handler) {
		Long previous = this.exchanges.putIfAbsent(exchange, NOT_MEASURED);
		if (previous == null) {
			exchange.addExchangeCompleteListener(this);
		}
		else if (previous.equals(NOT_WATCHED)) {
			this.exchanges.replace(exchange, NOT_WATCHED, NOT_MEASURED);
		}
		SendRate rate = this.sendRate;
		if (rate == null) {
			synchronized (this) {
				rate = this.sendRate;
				if (rate == null) {
					rate = new SendRate(handler);
					this.sendRate = rate;
				}
			}
		}
		rate.start();
	}

	@Override
	public void exchangeEvent(HttpServerExchange exchange, NextListener nextListener) {
		try {
			this.exchanges.remove(exchange);
		}
		finally {
			nextListener.proceed();
		}
	}

	/**
	 * Ends, a moment after the connection closes, the exchanges it left that have not
	 * completed, so that a handler still writing fails on its own first.
	 */
	void endAbandonedOnClose() {
		if (!this.endingOnClose) {
			synchronized (this) {
				if (!this.endingOnClose) {
					this.channel.addCloseTask((closed) -> endAllSoon());
					this.endingOnClose = true;
				}
			}
		}
		if (!this.channel.isOpen()) {
			// closed before the close task was added, or right after an exchange began
			endAllSoon();
		}
	}

	private void endAllSoon() {
		try {
			this.channel.getIoThread().executeAfter(this::endAll, GRACE_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the server is stopping: nothing would end them later
			endAll();
		}
	}

	void endAll() {
		for (HttpServerExchange exchange : this.exchanges.keySet()) {
			if (!exchange.isComplete()) {
				Connectors.terminateRequest(exchange);
				Connectors.terminateResponse(exchange);
			}
			this.exchanges.remove(exchange);
		}
	}

	/**
	 * How many exchanges are kept: those not complete.
	 */
	int size() {
		return this.exchanges.size();
	}

	/**
	 * Whether the connection's send-rate timer is scheduled.
	 */
	boolean isMeasuringSendRate() {
		SendRate rate = this.sendRate;
		return rate != null && rate.scheduled.get();
	}

	/**
	 * How many responses have a send count from the timer's last run.
	 */
	int measuredResponses() {
		return (int) this.exchanges.values().stream().filter((sent) -> sent >= 0).count();
	}

	/**
	 * The connection's send-rate timer. It runs every interval on the connection's I/O
	 * thread, which alone moves frames between those held for window and those waiting
	 * for the socket, while the connection has exchanges; each watched response is judged
	 * on what went out between two runs, so a slow one is reset one to two intervals
	 * after it began.
	 */
	private final class SendRate implements Runnable {

		private final SlowResponseResettingHandler handler;

		private final AtomicBoolean scheduled = new AtomicBoolean();

		SendRate(SlowResponseResettingHandler handler) {
			this.handler = handler;
		}

		// the first call starts the timer, later ones cost a read
		void start() {
			if (!this.scheduled.get() && this.scheduled.compareAndSet(false, true)) {
				schedule();
			}
		}

		private void schedule() {
			try {
				ConnectionExchanges.this.channel.getIoThread()
					.executeAfter(this, this.handler.intervalMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RuntimeException ex) {
				// the worker is shutting down: nothing is left to measure
				this.scheduled.set(false);
				logger.debug("Send rate not measured: " + ex);
			}
		}

		@Override
		public void run() {
			if (!ConnectionExchanges.this.channel.isOpen()) {
				this.scheduled.set(false);
				return;
			}
			try {
				ConnectionExchanges.this.exchanges.forEach(this::measure);
			}
			finally {
				scheduleIfAny();
			}
		}

		private void measure(HttpServerExchange exchange, Long before) {
			if (before.equals(NOT_WATCHED)) {
				return;
			}
			try {
				if (!this.handler.isWatched(exchange)) {
					return;
				}
				long sent = exchange.getResponseBytesSent();
				if (before >= 0 && this.handler.resetIfSlow(exchange, sent - before)) {
					return;
				}
				// only while it is kept: a completed exchange is gone for good
				ConnectionExchanges.this.exchanges.replace(exchange, sent);
			}
			catch (RuntimeException ex) {
				// one response that cannot be measured leaves the others measured
				logger.debug("Could not measure the send rate of a response", ex);
			}
		}

		private void scheduleIfAny() {
			if (ConnectionExchanges.this.exchanges.isEmpty()) {
				this.scheduled.set(false);
				// an exchange tracked since the check found the timer still scheduled
				if (ConnectionExchanges.this.exchanges.isEmpty() || !this.scheduled.compareAndSet(false, true)) {
					return;
				}
			}
			schedule();
		}

	}

}
