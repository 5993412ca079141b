package io.github.h2push.undertow;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.xnio.XnioExecutor;

/**
 * Bounds what pushed responses can take from the server: how many of them run at once
 * on one connection, each holding a worker thread while it writes, and how long each
 * may take before it is abandoned.
 * <p>
 * A client that gives pushed streams no flow-control window, or resets them while
 * their data waits for window, otherwise keeps the threads writing them blocked in
 * Undertow (2.3 does not wake a writer whose held stream the client reset); a few such
 * connections hold every worker. A pushed response over the per-connection limit is
 * refused with RST_STREAM(REFUSED_STREAM) before it runs, and one still running at the
 * deadline is reset with RST_STREAM(CANCEL) and, when its data waits for window, its
 * writer woken, as Undertow's own flush timeout does. One whose data waits only for the
 * socket, because the client reads slowly, is left to finish (the write timeout bounds
 * a client that stops reading): its frame may be written in part, and breaking it would
 * close the connection.
 *
 * @since 0.1.0
 */
public class PushedResponseGuard {

	private static final Log logger = LogFactory.getLog(PushedResponseGuard.class);

	// how often a pushed response past its deadline is looked at again while a slow
	// reader still takes its data
	private static final long MAX_RECHECK_MILLIS = 1000;

	private static final AttachmentKey<InFlight> IN_FLIGHT = AttachmentKey.create(InFlight.class);

	private final int maxPerConnection;

	private final long timeoutMillis;

	private final UndertowInternals internals;

	/**
	 * Creates a guard.
	 * @param maxPerConnection how many pushed responses may run at once on one
	 * connection
	 * @param timeout how long a pushed response may run before it is abandoned
	 */
	public PushedResponseGuard(int maxPerConnection, Duration timeout) {
		this(UndertowInternals.get(), maxPerConnection, timeout);
	}

	PushedResponseGuard(UndertowInternals internals, int maxPerConnection, Duration timeout) {
		this.internals = internals;
		this.maxPerConnection = maxPerConnection;
		this.timeoutMillis = timeout.toMillis();
	}

	/**
	 * Reserves a place for one more pushed response on the connection, unless it already
	 * runs or has promised as many as it may. Call under the connection's monitor, and
	 * {@linkplain #cancel(ServerConnection) cancel} the reservation when the push is not
	 * sent.
	 * @param connection the connection
	 * @return {@code true} if the push may be sent
	 */
	public boolean reserve(ServerConnection connection) {
		InFlight inFlight = inFlight(connection);
		if (inFlight.running.get() + inFlight.promised.get() >= this.maxPerConnection) {
			return false;
		}
		inFlight.promised.incrementAndGet();
		return true;
	}

	/**
	 * Gives back a reservation whose push was not sent.
	 * @param connection the connection
	 */
	public void cancel(ServerConnection connection) {
		decrementToZero(inFlight(connection).promised);
	}

	/**
	 * Lets a pushed response start, or refuses it when its connection already runs as
	 * many as it may (pushes made without a reservation, through the servlet
	 * {@code PushBuilder}, are counted here only). A refused response's stream is reset
	 * and its exchange ended.
	 * @param exchange the pushed exchange, before its first handler
	 * @param stream the pushed stream
	 * @return {@code true} if the response may run
	 */
	public boolean start(HttpServerExchange exchange, Http2StreamSinkChannel stream) {
		Http2Channel channel = stream.getChannel();
		InFlight inFlight;
		synchronized (channel) {
			inFlight = inFlight(exchange.getConnection());
			decrementToZero(inFlight.promised);
		}
		AtomicInteger running = inFlight.running;
		if (running.incrementAndGet() > this.maxPerConnection) {
			running.decrementAndGet();
			channel.sendRstStream(stream.getStreamId(), Http2Channel.ERROR_REFUSED_STREAM);
			exchange.endExchange();
			return false;
		}
		AtomicReference<XnioExecutor.Key> deadline = new AtomicReference<>();
		if (this.timeoutMillis > 0) {
			deadline.set(exchange.getIoThread()
				.executeAfter(() -> abandon(exchange, stream, deadline, false), this.timeoutMillis,
						TimeUnit.MILLISECONDS));
		}
		exchange.addExchangeCompleteListener((completed, next) -> {
			try {
				XnioExecutor.Key key = deadline.getAndSet(null);
				if (key != null) {
					key.remove();
				}
				running.decrementAndGet();
			}
			finally {
				next.proceed();
			}
		});
		return true;
	}

	private static InFlight inFlight(ServerConnection connection) {
		InFlight inFlight = connection.getAttachment(IN_FLIGHT);
		if (inFlight == null) {
			inFlight = new InFlight();
			connection.putAttachment(IN_FLIGHT, inFlight);
		}
		return inFlight;
	}

	private static void decrementToZero(AtomicInteger count) {
		count.updateAndGet((value) -> Math.max(0, value - 1));
	}

	// runs on the connection's I/O thread, which alone moves frames between the held
	// and the pending ones
	private void abandon(HttpServerExchange exchange, Http2StreamSinkChannel stream,
			AtomicReference<XnioExecutor.Key> deadline, boolean readerSeen) {
		if (exchange.isComplete()) {
			return;
		}
		boolean queued = stream.isReadyForFlush();
		// a frame held for window is taken out of the held ones: it is reset below
		boolean held = queued && this.internals.removeHeldFrame(stream);
		if (!held && (queued || readerSeen)) {
			// the frame waits for the socket, perhaps written in part, or the writer makes
			// the next one: the client reads, slowly; breaking a frame that is written in
			// part would close the whole connection mid-frame
			long recheckMillis = Math.min(this.timeoutMillis, MAX_RECHECK_MILLIS);
			XnioExecutor.Key next = exchange.getIoThread()
				.executeAfter(() -> abandon(exchange, stream, deadline, true), recheckMillis, TimeUnit.MILLISECONDS);
			if (deadline.getAndUpdate((current) -> (current != null) ? next : null) == null) {
				// completed meanwhile
				next.remove();
			}
			return;
		}
		logger.debug("Abandoning pushed response " + exchange.getRequestPath() + " after " + this.timeoutMillis
				+ " ms");
		stream.getChannel().sendRstStream(stream.getStreamId(), Http2Channel.ERROR_CANCEL);
		if (held) {
			// a writer waiting for window is only woken by a broken stream; its frame, taken
			// out of the held ones with none of its bytes written, is never written, so the
			// connection's framing stays intact
			stream.markBroken();
		}
	}

	/**
	 * The pushed responses of one connection: promised but not started, and running.
	 */
	private static final class InFlight {

		private final AtomicInteger promised = new AtomicInteger();

		private final AtomicInteger running = new AtomicInteger();

	}

}
