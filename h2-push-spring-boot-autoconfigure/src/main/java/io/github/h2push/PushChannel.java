package io.github.h2push;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * What a {@link PushTransport} can do for one request: push promises on the request's
 * connection and send a {@code 103 Early Hints} response. Opened once per request and
 * used from the request's thread only; the connection it pushes on may be shared by
 * other requests at the same time, so {@link #push} decides atomically.
 *
 * @since 0.1.0
 */
public interface PushChannel {

	/**
	 * Why nothing can be pushed for this request, for example HTTP/1.1, a client that
	 * refused push, or a pushed request.
	 * @return the reason, or {@code null} if pushes may be attempted
	 */
	@Nullable
	String refusal();

	/**
	 * Whether the path was pushed on this connection before, as far as the channel
	 * remembers. A hint for ordering the service's checks: {@link #push} decides.
	 * @param path the path
	 * @return {@code true} if it was pushed before
	 */
	default boolean wasPushed(String path) {
		return false;
	}

	/**
	 * Sends the promise unless the connection already had it. Best effort: answers
	 * instead of throwing.
	 * @param promise the promise
	 * @return what happened
	 */
	Answer push(PushPromise promise);

	/**
	 * Sends a {@code 103 Early Hints} interim response carrying the given {@code Link}
	 * header values, before the final response. Best effort.
	 * @param links the {@code Link} header values
	 * @param overHttp1 whether an HTTP/1.1 request may get one too
	 * @return {@code true} if the interim response was sent
	 */
	default boolean sendEarlyHints(List<String> links, boolean overHttp1) {
		return false;
	}

	/**
	 * What became of one push.
	 */
	enum Answer {

		/**
		 * The PUSH_PROMISE was sent.
		 */
		SENT(null),

		/**
		 * Not sent: the path was already pushed on this connection.
		 */
		ALREADY_PUSHED("already pushed on this connection"),

		/**
		 * Not sent: the client's limit of concurrent streams leaves no slot free.
		 */
		NO_STREAM_SLOT("the client's concurrent-stream limit is reached"),

		/**
		 * Not sent: the connection already runs as many pushed responses as the server
		 * lets one connection run at once.
		 */
		BUSY("the connection already runs as many pushed responses as it may"),

		/**
		 * Not sent: the client refused push or the connection is closing.
		 */
		REFUSED("the connection refused the push (closing, or push disabled by the client)");

		@Nullable
		private final String reason;

		Answer(@Nullable String reason) {
			this.reason = reason;
		}

		/**
		 * Why the promise was not sent.
		 * @return the reason, {@code null} for {@link #SENT}
		 */
		@Nullable
		public String reason() {
			return this.reason;
		}

	}

}
