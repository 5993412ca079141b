package io.github.h2push.support;

import java.util.Locale;

import io.github.h2push.PushChannel;
import io.github.h2push.PushResult;

import org.springframework.lang.Nullable;

/**
 * Why a resource was not pushed, in a fixed set of categories: a bounded key for
 * counting {@link PushResult#reason()}, whose wording may change and may carry values.
 *
 * @since 0.1.0
 */
public enum PushRefusal {

	/**
	 * The request is not HTTP/2 (HTTP/1.x, or h2 is off).
	 */
	NOT_HTTP2,

	/**
	 * The client refused push (SETTINGS_ENABLE_PUSH=0), the request is itself pushed,
	 * or the connection is closing.
	 */
	CLIENT_REFUSED,

	/**
	 * The request's authority is not one the server may push for.
	 */
	AUTHORITY,

	/**
	 * No stream could take the push: the client's concurrent-stream limit, a client
	 * that gives new streams no window, or the connection's limit of pushed responses in
	 * flight.
	 */
	STREAM_LIMIT,

	/**
	 * {@code h2-push.max-pushes-per-request} was reached.
	 */
	MAX_PUSHES,

	/**
	 * The copied request headers would exceed {@code h2-push.max-copied-header-size-per-request}.
	 */
	HEADER_SIZE,

	/**
	 * An access policy allowed only a hint, or nothing.
	 */
	ACCESS_POLICY,

	/**
	 * The client already has it: pushed on this connection, or listed in its cache
	 * digest.
	 */
	DUPLICATE,

	/**
	 * The path was invalid.
	 */
	INVALID_PATH,

	/**
	 * Push is unavailable here: no transport for the request, or this Undertow version.
	 */
	UNAVAILABLE,

	/**
	 * Any other reason, such as a {@code HEAD} request.
	 */
	OTHER;

	/**
	 * The category of a result that was not pushed.
	 * @param result the result
	 * @return the category, or {@code null} when the resource was pushed
	 */
	@Nullable
	public static PushRefusal of(PushResult result) {
		if (result.isPushed()) {
			return null;
		}
		String reason = (result.reason() != null) ? result.reason() : "";
		return switch (result.outcome()) {
			case REJECTED -> INVALID_PATH;
			case DUPLICATE -> DUPLICATE;
			default -> of(reason);
		};
	}

	// the reasons come from PushAttempt, the transports' channels and PushChannel.Answer
	private static PushRefusal of(String reason) {
		if (reason.startsWith("not HTTP/2")) {
			return NOT_HTTP2;
		}
		if (reason.startsWith("the client refused push")
				|| reason.startsWith(PushChannel.Answer.REFUSED.reason())) {
			return CLIENT_REFUSED;
		}
		if (reason.startsWith(PushChannel.Answer.NO_STREAM_SLOT.reason())
				|| reason.startsWith(PushChannel.Answer.BUSY.reason())
				|| reason.startsWith("the client allows no concurrent streams")
				|| reason.startsWith("the client gives new streams no flow-control window")) {
			return STREAM_LIMIT;
		}
		if (reason.contains("authority")) {
			return AUTHORITY;
		}
		if (reason.startsWith("max-pushes-per-request")) {
			return MAX_PUSHES;
		}
		if (reason.startsWith("the request's copied headers would exceed")) {
			return HEADER_SIZE;
		}
		if (reason.contains("may not fetch it")) {
			return ACCESS_POLICY;
		}
		if (reason.startsWith("no push transport") || reason.startsWith("push is off")) {
			return UNAVAILABLE;
		}
		return OTHER;
	}

	/**
	 * The value of this category in reports: lower case, words joined by {@code -}.
	 * @return the value, such as {@code client-refused}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
