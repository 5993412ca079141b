package io.github.h2push.undertow;

import java.util.function.Function;

import io.undertow.protocols.http2.Http2Channel;
import io.undertow.server.ServerConnection;
import io.undertow.util.AttachmentKey;

/**
 * State kept once per HTTP/2 connection as an attachment: the attachments of an HTTP/2
 * exchange's connection are its channel's, held in a synchronized map, so a read takes
 * no lock of ours, and only creating the state takes the channel's monitor, which
 * Undertow also takes to place frames.
 */
final class ConnectionAttachments {

	private ConnectionAttachments() {
	}

	/**
	 * The connection's state under a key, created on first use.
	 * @param <T> the type of the state
	 * @param connection an HTTP/2 exchange's connection
	 * @param channel the connection's HTTP/2 channel
	 * @param key the key
	 * @param create creates the state for the channel
	 * @return the state, the same for every exchange of the connection
	 */
	static <T> T getOrCreate(ServerConnection connection, Http2Channel channel, AttachmentKey<T> key,
			Function<Http2Channel, T> create) {
		T state = connection.getAttachment(key);
		if (state != null) {
			return state;
		}
		synchronized (channel) {
			state = connection.getAttachment(key);
			if (state == null) {
				state = create.apply(channel);
				connection.putAttachment(key, state);
			}
			return state;
		}
	}

}
