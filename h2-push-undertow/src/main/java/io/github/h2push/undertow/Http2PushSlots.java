package io.github.h2push.undertow;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.h2push.spi.PushChannel;
import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http2.Http2ServerConnection;
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
 * The members it needs are package-private or private in Undertow; they are looked up
 * once by {@link #create()}, which returns slots that are not
 * {@linkplain #isAvailable() available} when any is missing.
 *
 * @since 0.1.0
 */
public final class Http2PushSlots {

	private static final Log logger = LogFactory.getLog(Http2PushSlots.class);

	private final boolean available;

	private final MethodHandle channelOfConnection;

	private final MethodHandle responseChannelOfConnection;

	private final MethodHandle removeStreamSource;

	private final MethodHandle sendConcurrentStreams;

	private Http2PushSlots(@Nullable MethodHandle channelOfConnection,
			@Nullable MethodHandle responseChannelOfConnection, @Nullable MethodHandle removeStreamSource,
			@Nullable MethodHandle sendConcurrentStreams) {
		this.available = channelOfConnection != null;
		this.channelOfConnection = channelOfConnection;
		this.responseChannelOfConnection = responseChannelOfConnection;
		this.removeStreamSource = removeStreamSource;
		this.sendConcurrentStreams = sendConcurrentStreams;
	}

	/**
	 * Looks up the Undertow members this class needs, once. When this Undertow version
	 * does not have them, logs a warning and returns slots that are not
	 * {@linkplain #isAvailable() available}.
	 * @return the slots
	 */
	public static Http2PushSlots create() {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			Field channel = Http2ServerConnection.class.getDeclaredField("channel");
			channel.setAccessible(true);
			Field responseChannel = Http2ServerConnection.class.getDeclaredField("responseChannel");
			responseChannel.setAccessible(true);
			Method removeStreamSource = Http2Channel.class.getDeclaredMethod("removeStreamSource", int.class);
			removeStreamSource.setAccessible(true);
			Field sendConcurrentStreams = Http2Channel.class.getDeclaredField("sendConcurrentStreams");
			sendConcurrentStreams.setAccessible(true);
			if (!Http2Channel.class.isAssignableFrom(channel.getType())
					|| !Http2StreamSinkChannel.class.isAssignableFrom(responseChannel.getType())
					|| sendConcurrentStreams.getType() != int.class) {
				throw new NoSuchFieldException("unexpected member types");
			}
			return new Http2PushSlots(
					lookup.unreflectGetter(channel).asType(MethodType.methodType(Http2Channel.class, Object.class)),
					lookup.unreflectGetter(responseChannel)
						.asType(MethodType.methodType(Http2StreamSinkChannel.class, Object.class)),
					lookup.unreflect(removeStreamSource)
						.asType(MethodType.methodType(void.class, Http2Channel.class, int.class)),
					lookup.unreflectGetter(sendConcurrentStreams)
						.asType(MethodType.methodType(int.class, Http2Channel.class)));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("HTTP/2 push is off: this Undertow version does not have the internals h2-push needs to "
					+ "release push slots (" + ex + "); resources will be hinted with Link headers instead");
			return new Http2PushSlots(null, null, null, null);
		}
	}

	/**
	 * Whether the Undertow members were found, so that pushing is safe.
	 * @return {@code true} if pushes may be made
	 */
	public boolean isAvailable() {
		return this.available;
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
	public Http2StreamSinkChannel releaseWhenComplete(HttpServerExchange exchange, Consumer<String> onReset) {
		Http2StreamSinkChannel responseChannel = responseChannel(exchange);
		if (responseChannel == null || responseChannel.getStreamId() % 2 != 0) {
			return null;
		}
		try {
			this.removeStreamSource.invokeExact(responseChannel.getChannel(), responseChannel.getStreamId());
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
		catch (Throwable ex) {
			logger.debug("Could not mark pushed stream as closed for reading", ex);
			return null;
		}
	}

	/**
	 * The HTTP/2 stream an exchange answers on.
	 * @param exchange the exchange
	 * @return its stream, {@code null} when it is not an HTTP/2 exchange or the stream
	 * cannot be reached
	 */
	@Nullable
	public Http2StreamSinkChannel responseChannel(HttpServerExchange exchange) {
		ServerConnection connection = exchange.getConnection();
		if (!this.available || !(connection instanceof Http2ServerConnection)) {
			return null;
		}
		try {
			return (Http2StreamSinkChannel) this.responseChannelOfConnection.invokeExact((Object) connection);
		}
		catch (Throwable ex) {
			return null;
		}
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
	 * @param connection the HTTP/2 connection
	 * @param push the attempt
	 * @return what the attempt answered, {@link PushChannel.Answer#REFUSED} when the
	 * connection cannot be reached or the attempt failed
	 */
	public PushChannel.Answer push(Http2ServerConnection connection, LockedPush push) {
		Http2Channel channel = channel(connection);
		if (channel == null) {
			return PushChannel.Answer.REFUSED;
		}
		synchronized (channel) {
			int limit = channel.getSendMaxConcurrentStreams();
			boolean slotFree = limit < 0 || openStreams(channel) < limit;
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
	 * Reads state kept for the connection under the connection's monitor.
	 * @param connection the HTTP/2 connection
	 * @param read what to read
	 * @return what it read, {@code false} when the connection cannot be reached
	 */
	public boolean read(Http2ServerConnection connection, BooleanSupplier read) {
		Http2Channel channel = channel(connection);
		if (channel == null) {
			return false;
		}
		synchronized (channel) {
			return read.getAsBoolean();
		}
	}

	/**
	 * The peer's limit of concurrent streams.
	 * @param connection the HTTP/2 connection
	 * @return the limit, -1 when the peer set none or the connection cannot be reached
	 */
	public int peerStreamLimit(Http2ServerConnection connection) {
		Http2Channel channel = channel(connection);
		return (channel != null) ? channel.getSendMaxConcurrentStreams() : -1;
	}

	/**
	 * The flow-control window the peer gives each new stream.
	 * @param connection the HTTP/2 connection
	 * @return the window, -1 when the connection cannot be reached
	 */
	public int peerInitialWindowSize(Http2ServerConnection connection) {
		Http2Channel channel = channel(connection);
		return (channel != null) ? channel.getInitialSendWindowSize() : -1;
	}

	@Nullable
	private Http2Channel channel(Http2ServerConnection connection) {
		if (!this.available) {
			return null;
		}
		try {
			return (Http2Channel) this.channelOfConnection.invokeExact((Object) connection);
		}
		catch (Throwable ex) {
			return null;
		}
	}

	private int openStreams(Http2Channel channel) {
		try {
			return (int) this.sendConcurrentStreams.invokeExact(channel);
		}
		catch (Throwable ex) {
			return Integer.MAX_VALUE;
		}
	}

	/**
	 * One push to attempt under the connection's monitor.
	 */
	@FunctionalInterface
	public interface LockedPush {

		/**
		 * Attempts the push.
		 * @param slotFree whether the peer's limit leaves a stream slot free
		 * @return what happened
		 */
		PushChannel.Answer attempt(boolean slotFree);

	}

}
