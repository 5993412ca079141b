package io.github.h2push.undertow;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;

import io.github.h2push.engine.Navigation;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2DataStreamSinkChannel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.framed.AbstractFramedChannel;
import io.undertow.server.protocol.framed.AbstractFramedStreamSinkChannel;
import io.undertow.server.protocol.framed.FramePriority;
import io.undertow.server.protocol.framed.SendFrameHeader;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import io.undertow.util.HeaderMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;

/**
 * Sends the frames of a page's own response ahead of subresource frames already queued
 * on the same HTTP/2 connection.
 * <p>
 * Undertow 2.3 writes HTTP/2 frames in the order they are queued, so a page whose
 * stylesheet and scripts were hinted with a {@code 103} (or pushed) can wait behind
 * their bytes. Undertow decides the order with a priority object each connection holds
 * in a private final field; this class wraps that object, on the first exchange of each
 * connection, in one that moves frames of document requests forward (see
 * {@link HtmlFirstFramePriority}), and marks the streams of document requests while
 * their exchanges run. A document request is a {@link Navigation navigation}, the rule
 * early hints and learned hints use too.
 * <p>
 * Frames already written sit in the kernel's socket buffer, where no order applies; how
 * much waits there depends on {@code SO_SNDBUF} and {@code net.ipv4.tcp_notsent_lowat}.
 * <p>
 * The members it needs are private in Undertow; they are looked up once by
 * {@link #create()}, which returns an order that is not {@linkplain #isAvailable()
 * available}, so that Undertow's own order applies, when any is missing.
 *
 * @since 0.1.0
 */
public final class Http2FrameOrder {

	private static final Log logger = LogFactory.getLog(Http2FrameOrder.class);

	private static final int FRAME_HEADER_LENGTH = 9;

	private static final byte FRAME_TYPE_DATA = 0;

	private final boolean available;

	private final MethodHandle channelOfConnection;

	private final MethodHandle responseChannelOfConnection;

	private final MethodHandle framePriority;

	private final MethodHandle setFramePriority;

	private final MethodHandle headerOfFramedSink;

	private final MethodHandle headerOfHttp2Sink;

	private Http2FrameOrder(@Nullable MethodHandle channelOfConnection,
			@Nullable MethodHandle responseChannelOfConnection, @Nullable MethodHandle framePriority,
			@Nullable MethodHandle setFramePriority, @Nullable MethodHandle headerOfFramedSink,
			@Nullable MethodHandle headerOfHttp2Sink) {
		this.available = channelOfConnection != null;
		this.channelOfConnection = channelOfConnection;
		this.responseChannelOfConnection = responseChannelOfConnection;
		this.framePriority = framePriority;
		this.setFramePriority = setFramePriority;
		this.headerOfFramedSink = headerOfFramedSink;
		this.headerOfHttp2Sink = headerOfHttp2Sink;
	}

	/**
	 * Looks up the Undertow members this class needs, once. When this Undertow version
	 * does not have them, logs a warning and returns an order that is not
	 * {@linkplain #isAvailable() available}.
	 * @return the frame order
	 */
	public static Http2FrameOrder create() {
		try {
			MethodHandles.Lookup lookup = MethodHandles.lookup();
			Field channel = accessible(Http2ServerConnection.class, "channel", Http2Channel.class);
			Field responseChannel = accessible(Http2ServerConnection.class, "responseChannel",
					Http2StreamSinkChannel.class);
			Field priority = accessible(AbstractFramedChannel.class, "framePriority", FramePriority.class);
			// a frame's generated header: in the HTTP/2 sink until the write loop takes it
			Field framedHeader = accessible(AbstractFramedStreamSinkChannel.class, "header", SendFrameHeader.class);
			Field http2Header = accessible(Http2StreamSinkChannel.class, "header", SendFrameHeader.class);
			if (Modifier.isStatic(priority.getModifiers())) {
				throw new NoSuchFieldException("framePriority is static");
			}
			return new Http2FrameOrder(
					lookup.unreflectGetter(channel).asType(MethodType.methodType(Http2Channel.class, Object.class)),
					lookup.unreflectGetter(responseChannel)
						.asType(MethodType.methodType(Http2StreamSinkChannel.class, Object.class)),
					lookup.unreflectGetter(priority)
						.asType(MethodType.methodType(Object.class, Http2Channel.class)),
					lookup.unreflectSetter(priority)
						.asType(MethodType.methodType(void.class, Http2Channel.class, Object.class)),
					lookup.unreflectGetter(framedHeader)
						.asType(MethodType.methodType(SendFrameHeader.class, Http2DataStreamSinkChannel.class)),
					lookup.unreflectGetter(http2Header)
						.asType(MethodType.methodType(SendFrameHeader.class, Http2DataStreamSinkChannel.class)));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.warn("h2-push.html-first is off: this Undertow version does not have the internals h2-push needs "
					+ "to order HTTP/2 frames (" + ex + "); frames are sent in Undertow's order");
			return new Http2FrameOrder(null, null, null, null, null, null);
		}
	}

	private static Field accessible(Class<?> type, String name, Class<?> fieldType) throws NoSuchFieldException {
		Field field = type.getDeclaredField(name);
		if (!fieldType.isAssignableFrom(field.getType())) {
			throw new NoSuchFieldException(type.getSimpleName() + "." + name + " is a " + field.getType().getName());
		}
		field.setAccessible(true);
		return field;
	}

	/**
	 * Whether the Undertow members were found, so that frames can be ordered.
	 * @return {@code true} if document responses are sent first
	 */
	public boolean isAvailable() {
		return this.available;
	}

	/**
	 * Puts the connection of an exchange under this order, once per connection, and, when
	 * the exchange is a document request, sends its stream's frames first until the
	 * exchange completes. Does nothing for exchanges that are not on HTTP/2.
	 * @param exchange an exchange that has not started its response
	 */
	public void prioritize(HttpServerExchange exchange) {
		ServerConnection connection = exchange.getConnection();
		if (!this.available || !(connection instanceof Http2ServerConnection)) {
			return;
		}
		try {
			Http2Channel channel = (Http2Channel) this.channelOfConnection.invokeExact((Object) connection);
			HtmlFirstFramePriority priority = installedOn(channel);
			if (priority == null) {
				return;
			}
			Http2StreamSinkChannel responseChannel = (Http2StreamSinkChannel) this.responseChannelOfConnection
				.invokeExact((Object) connection);
			int streamId = responseChannel.getStreamId();
			// a pushed stream (even id) is never the page, whatever headers it copied
			if (streamId % 2 == 1 && isDocumentRequest(exchange)) {
				priority.markUrgent(streamId);
				exchange.addExchangeCompleteListener((completed, next) -> {
					priority.unmarkUrgent(streamId);
					next.proceed();
				});
			}
		}
		catch (Throwable ex) {
			logger.debug("Could not order the frames of an HTTP/2 exchange", ex);
		}
	}

	@Nullable
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private HtmlFirstFramePriority installedOn(Http2Channel channel) throws Throwable {
		// unlocked read: once installed, the wrapper stays for the connection's lifetime
		Object current = this.framePriority.invokeExact(channel);
		if (current instanceof HtmlFirstFramePriority installed) {
			return installed;
		}
		// Undertow reads the field only in flushSenders and recalculateHeldFrames, both
		// synchronized on the channel: holding its monitor, no frame is being placed
		synchronized (channel) {
			current = this.framePriority.invokeExact(channel);
			if (current instanceof HtmlFirstFramePriority installed) {
				return installed;
			}
			if (current == null) {
				return null;
			}
			// the channel is an Http2Channel, so its priority object orders HTTP/2 frames
			HtmlFirstFramePriority wrapper = new HtmlFirstFramePriority((FramePriority) current, this::carriesOnlyData);
			this.setFramePriority.invokeExact(channel, (Object) wrapper);
			return wrapper;
		}
	}

	/**
	 * Whether an exchange asks for a document: a {@link Navigation navigation}.
	 * @param exchange the exchange
	 * @return {@code true} for a document request
	 */
	static boolean isDocumentRequest(HttpServerExchange exchange) {
		HeaderMap headers = exchange.getRequestHeaders();
		return Navigation.isNavigation(exchange.getRequestMethod().toString(), headers::getFirst);
	}

	/**
	 * Whether the frame a stream has queued is a bare DATA frame: the bytes before its
	 * payload are exactly one 9-byte DATA frame header, and nothing follows the payload
	 * (trailers and padding would). A frame carrying the stream's HEADERS, CONTINUATION
	 * or trailers has more than that in front of or behind its payload. Called under the
	 * channel's monitor.
	 * @param frame a queued frame
	 * @return {@code true} when it carries no HPACK header block; {@code false} when it
	 * does or when that cannot be read
	 */
	boolean carriesOnlyData(Http2DataStreamSinkChannel frame) {
		try {
			SendFrameHeader header = (SendFrameHeader) this.headerOfFramedSink.invokeExact(frame);
			if (header == null) {
				header = (SendFrameHeader) this.headerOfHttp2Sink.invokeExact(frame);
			}
			if (header == null || header.getTrailer() != null) {
				return false;
			}
			PooledByteBuffer pooled = header.getByteBuffer();
			ByteBuffer bytes = (pooled != null) ? pooled.getBuffer() : null;
			return bytes != null && bytes.position() == 0 && bytes.remaining() == FRAME_HEADER_LENGTH
					&& bytes.get(3) == FRAME_TYPE_DATA;
		}
		catch (Throwable ex) {
			return false;
		}
	}

}
