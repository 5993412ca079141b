package io.github.h2push;

import java.util.Locale;

/**
 * What happened to one resource declared for push.
 *
 * @since 0.1.0
 */
public enum PushOutcome {

	/**
	 * A PUSH_PROMISE was sent.
	 */
	PUSHED,

	/**
	 * Push was impossible (HTTP/1.1, a client that refused push, a pushed request), so
	 * the resource went into a {@code 103 Early Hints} response and a
	 * {@code Link: rel=preload} header of the final response.
	 */
	EARLY_HINTED,

	/**
	 * Push was impossible, so a {@code Link: rel=preload} header was added to the
	 * response (and no {@code 103 Early Hints} was sent).
	 */
	HINTED,

	/**
	 * The client could take a push, but a limit stopped it:
	 * {@code h2-push.max-pushes-per-request} or the peer's concurrent-stream limit. The
	 * resource was hinted instead, in the {@code 103 Early Hints} too when one was sent.
	 */
	LIMITED,

	/**
	 * Neither pushed nor hinted because it was already pushed on this connection, or
	 * the client's cache digest cookie lists it: the client has it, and the page still
	 * references it.
	 */
	DUPLICATE,

	/**
	 * Neither pushed nor hinted: hints are turned off, the response was already
	 * committed, or the current user may not fetch the resource.
	 */
	SKIPPED,

	/**
	 * The path was invalid and was neither pushed nor hinted.
	 */
	REJECTED;

	/**
	 * Whether the response got a {@code Link: rel=preload} header for the resource.
	 * @return {@code true} for {@link #EARLY_HINTED}, {@link #HINTED} and
	 * {@link #LIMITED}
	 */
	public boolean isHint() {
		return this == EARLY_HINTED || this == HINTED || this == LIMITED;
	}

	/**
	 * The value of this outcome in metrics: lower case, words joined by {@code -}.
	 * @return the tag value, such as {@code early-hinted}
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
