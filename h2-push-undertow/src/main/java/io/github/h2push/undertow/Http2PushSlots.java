package io.github.h2push.undertow;

import java.util.function.Consumer;

import io.github.h2push.spi.PushChannel;
import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpServerExchange;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;

/**
 * Keeps Undertow 2.3's HTTP/2 push slots from leaking.
 * <p>
 * Undertow counts each pushed stream against the peer's MAX_CONCURRENT_STREAMS but
 * only gives the slot back when the stream's source side was closed, which never
 * happens for a server-initiated stream; after about that many pushes on a connection
 * every further push fails. This class marks a pushed stream's source side closed as
 * its exchange starts (a pushed stream has no request body), so that Undertow's own
 * completion path releases the slot exactly once, and lets a push go ahead only while
 * a slot is free, so that a push over the limit never takes one.
 * <p>
 * The two halves work only together: the transport pushes through
 * {@link #push(Http2Channel, LockedPush)}, and the handler chain releases through
 * {@link #releaseWhenComplete(HttpServerExchange, Consumer)}. Neither is available when
 * this Undertow lacks a member either needs (see {@link UndertowInternals}).
 */
final class Http2PushSlots {

	private static final Log logger = LogFactory.getLog(Http2PushSlots.class);

	private final UndertowInternals internals;

	Http2PushSlots(UndertowInternals internals) {
		this.internals = internals;
	}

	/**
	 * Whether the Undertow members were found, so that pushing is safe.
	 * @return {@code true} if pushes may be made
	 */
	boolean isAvailable() {
		return this.internals.supports(UndertowInternals.Feature.PUSH);
	}

	/**
	 * Marks the stream of a pushed exchange as having no request body, so that
	 * Undertow releases its slot when the response completes. Does nothing for other
	 * exchanges.
	 * @param exchange an exchange that has not started its response
	 * @param onReset told the pushed path when the client reset the stream before the
	 * response completed
	 * @return the pushed stream, {@code null} when the exchange is not a pushed one or
	 * the stream cannot be reached
	 */
	@Nullable
	Http2StreamSinkChannel releaseWhenComplete(HttpServerExchange exchange, Consumer<String> onReset) {
		if (!isAvailable()) {
			return null;
		}
		Http2StreamSinkChannel responseChannel = this.internals.responseChannel(exchange);
		if (responseChannel == null || responseChannel.getStreamId() % 2 != 0
				|| !this.internals.removeStreamSource(responseChannel.getChannel(), responseChannel.getStreamId())) {
			return null;
		}
		exchange.addExchangeCompleteListener((completed, next) -> {
			try {
				if (wasReset(responseChannel)) {
					onReset.accept(completed.getRequestPath());
				}
			}
			finally {
				next.proceed();
			}
		});
		return responseChannel;
	}

	/**
	 * Whether a stream whose exchange completed was reset rather than answered in full:
	 * a stream the client reset is closed before its writes were shut down.
	 * @param responseChannel the stream of a completed exchange
	 * @return {@code true} if it was reset
	 */
	static boolean wasReset(Http2StreamSinkChannel responseChannel) {
		return responseChannel.isBroken() || !responseChannel.isWritesShutdown();
	}

	/**
	 * Runs a push attempt under the connection's monitor, which Undertow's
	 * {@code sendPushPromise} takes too, telling it whether the peer's
	 * concurrent-stream limit leaves a slot free, so that a refused push never takes a
	 * slot and two streams of the connection cannot both push the same path. A limit of
	 * 0 leaves no slot (Undertow itself would read 0 as no limit).
	 * @param channel the HTTP/2 channel of the connection
	 * @param push the attempt
	 * @return what the attempt answered, {@link PushChannel.Answer#REFUSED} when pushing
	 * is not available or the attempt failed
	 */
	PushChannel.Answer push(Http2Channel channel, LockedPush push) {
		if (!isAvailable()) {
			return PushChannel.Answer.REFUSED;
		}
		synchronized (channel) {
			int limit = channel.getSendMaxConcurrentStreams();
			int open = this.internals.sendConcurrentStreams(channel);
			// a count that cannot be read leaves no slot
			boolean slotFree = limit < 0 || (open >= 0 && open < limit);
			try {
				return push.attempt(slotFree);
			}
			catch (RuntimeException ex) {
				logger.debug("Push failed", ex);
				return PushChannel.Answer.REFUSED;
			}
		}
	}

	/**
	 * One push to attempt under the connection's monitor.
	 */
	@FunctionalInterface
	interface LockedPush {

		/**
		 * Attempts the push.
		 * @param slotFree whether the peer's limit leaves a slot free
		 * @return what happened
		 */
		PushChannel.Answer attempt(boolean slotFree);

	}

}
