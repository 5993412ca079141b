package io.github.h2push.undertow;

import java.nio.ByteBuffer;

import io.github.h2push.engine.Navigation;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2DataStreamSinkChannel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpServerExchange;
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
 * The members it needs are private in Undertow (see {@code UndertowInternals}); when any
 * is missing, the order is not {@linkplain #isAvailable() available} and Undertow's own
 * order applies.
 *
 * @since 0.1.0
 */
public final class Http2FrameOrder {

	private static final Log logger = LogFactory.getLog(Http2FrameOrder.class);

	private static final int FRAME_HEADER_LENGTH = 9;

	private static final byte FRAME_TYPE_DATA = 0;

	private final UndertowInternals internals;

	Http2FrameOrder(UndertowInternals internals) {
		this.internals = internals;
	}

	/**
	 * Creates the frame order of the Undertow on the class path, which is not
	 * {@linkplain #isAvailable() available} when that Undertow lacks a member it needs.
	 * @return the frame order
	 */
	public static Http2FrameOrder create() {
		return new Http2FrameOrder(UndertowInternals.get());
	}

	/**
	 * Whether the Undertow members were found, so that frames can be ordered.
	 * @return {@code true} if document responses are sent first
	 */
	public boolean isAvailable() {
		return this.internals.supports(UndertowInternals.Feature.FRAME_ORDER);
	}

	/**
	 * Puts the connection of an exchange under this order, once per connection, and, when
	 * the exchange is a document request, sends its stream's frames first until the
	 * exchange completes. Does nothing for exchanges that are not on HTTP/2.
	 * @param exchange an exchange that has not started its response
	 */
	public void prioritize(HttpServerExchange exchange) {
		if (!isAvailable() || !(exchange.getConnection() instanceof Http2ServerConnection connection)) {
			return;
		}
		try {
			Http2Channel channel = this.internals.channel(connection);
			HtmlFirstFramePriority priority = (channel != null) ? installedOn(channel) : null;
			Http2StreamSinkChannel responseChannel = (priority != null) ? this.internals.responseChannel(exchange)
					: null;
			if (responseChannel == null) {
				return;
			}
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
		catch (RuntimeException ex) {
			logger.debug("Could not order the frames of an HTTP/2 exchange", ex);
		}
	}

	@Nullable
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private HtmlFirstFramePriority installedOn(Http2Channel channel) {
		// unlocked read: once installed, the wrapper stays for the connection's lifetime
		Object current = this.internals.framePriority(channel);
		if (current instanceof HtmlFirstFramePriority installed) {
			return installed;
		}
		// Undertow reads the field only in flushSenders and recalculateHeldFrames, both
		// synchronized on the channel: holding its monitor, no frame is being placed
		synchronized (channel) {
			current = this.internals.framePriority(channel);
			if (current instanceof HtmlFirstFramePriority installed) {
				return installed;
			}
			if (current == null) {
				return null;
			}
			// the channel is an Http2Channel, so its priority object orders HTTP/2 frames
			HtmlFirstFramePriority wrapper = new HtmlFirstFramePriority((FramePriority) current, this::carriesOnlyData);
			return this.internals.setFramePriority(channel, wrapper) ? wrapper : null;
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
		SendFrameHeader header = this.internals.frameHeader(frame);
		if (header == null || header.getTrailer() != null) {
			return false;
		}
		try {
			PooledByteBuffer pooled = header.getByteBuffer();
			ByteBuffer bytes = (pooled != null) ? pooled.getBuffer() : null;
			return bytes != null && bytes.position() == 0 && bytes.remaining() == FRAME_HEADER_LENGTH
					&& bytes.get(3) == FRAME_TYPE_DATA;
		}
		catch (RuntimeException ex) {
			// a buffer already freed
			return false;
		}
	}

}
