package io.github.h2push.spi;

import java.util.List;

import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromise;
import io.github.h2push.PushReason;

import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

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
	 * @return the refusal, or {@code null} if pushes may be attempted
	 */
	@Nullable
	Refusal refusal();

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
	 * Why a channel pushes nothing for its request.
	 *
	 * @param reason the reason
	 * @param detail the particulars in words, or {@code null}
	 */
	record Refusal(PushReason reason, @Nullable String detail) {

		/**
		 * Creates a refusal.
		 * @param reason the reason
		 * @param detail the particulars in words, or {@code null}
		 */
		public Refusal {
			Assert.notNull(reason, "'reason' must not be null");
		}

	}

	/**
	 * What became of one push, and the outcome and reason it gives the resource.
	 */
	enum Answer {

		/**
		 * The PUSH_PROMISE was sent.
		 */
		SENT(PushOutcome.PUSHED, null, null),

		/**
		 * Not sent: the path was already pushed on this connection.
		 */
		ALREADY_PUSHED(PushOutcome.DUPLICATE, PushReason.DUPLICATE, "already pushed on this connection"),

		/**
		 * Not sent: the client's limit of concurrent streams leaves no slot free.
		 */
		NO_STREAM_SLOT(PushOutcome.LIMITED, PushReason.STREAM_LIMIT, "the client's concurrent-stream limit is reached"),

		/**
		 * Not sent: the connection already runs as many pushed responses as the server
		 * lets one connection run at once.
		 */
		BUSY(PushOutcome.LIMITED, PushReason.STREAM_LIMIT,
				"the connection already runs as many pushed responses as it may"),

		/**
		 * Not sent: the client refused push or the connection is closing, so push is
		 * impossible on it; the resource is hinted.
		 */
		REFUSED(PushOutcome.HINTED, PushReason.CLIENT_REFUSED,
				"the connection refused the push (closing, or push disabled by the client)");

		private final PushOutcome outcome;

		@Nullable
		private final PushReason reason;

		@Nullable
		private final String detail;

		Answer(PushOutcome outcome, @Nullable PushReason reason, @Nullable String detail) {
			this.outcome = outcome;
			this.reason = reason;
			this.detail = detail;
		}

		/**
		 * The outcome this answer gives the resource: {@link PushOutcome#HINTED} and
		 * {@link PushOutcome#LIMITED} become {@link PushOutcome#SKIPPED} when the
		 * resource cannot be hinted either.
		 * @return the outcome
		 */
		public PushOutcome outcome() {
			return this.outcome;
		}

		/**
		 * Why the promise was not sent.
		 * @return the reason, {@code null} for {@link #SENT}
		 */
		@Nullable
		public PushReason reason() {
			return this.reason;
		}

		/**
		 * Why the promise was not sent, in words.
		 * @return the detail, {@code null} for {@link #SENT}
		 */
		@Nullable
		public String detail() {
			return this.detail;
		}

	}

}
