package io.github.h2push;

import java.util.Locale;

/**
 * Why a resource was not pushed: decided where the decision is made (by the service, by
 * the channel that refused the request, by the connection's answer to the push) and
 * kept in {@link PushResult#reason()}. A bounded set, so each value is a metrics tag;
 * {@link PushResult#detail()} adds the particulars in words.
 *
 * @since 0.1.0
 */
public enum PushReason {

	/**
	 * The request is not HTTP/2 (HTTP/1.x, or HTTP/2 is off).
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
	 * No stream could take the push: the client's concurrent-stream limit, a client that
	 * gives new streams no window, or the connection's limit of pushed responses in
	 * flight.
	 */
	STREAM_LIMIT,

	/**
	 * {@code h2-push.max-pushes-per-request} was reached.
	 */
	MAX_PUSHES,

	/**
	 * The copied request headers would exceed
	 * {@code h2-push.max-copied-header-size-per-request}.
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
	 * Push is unavailable here: no transport handles the request, the server cannot push
	 * (Tomcat, Jetty, or an Undertow whose internals could not be reached), or h2-push is
	 * turned off ({@code h2-push.enabled=false}).
	 */
	UNAVAILABLE,

	/**
	 * A {@code HEAD} request, whose response has no body to need resources.
	 */
	HEAD_REQUEST,

	/**
	 * Any other reason, given by a third-party transport.
	 */
	OTHER;

	/**
	 * The value of this reason in metrics and reports: lower case, words joined by
	 * {@code -}.
	 * @return the value, such as {@code client-refused}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
