package io.github.h2push;

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
	 * Push was impossible, so a {@code Link: rel=preload} header was added instead.
	 */
	HINTED,

	/**
	 * Neither pushed nor hinted (for example hints are turned off, or the response
	 * was already committed).
	 */
	SKIPPED,

	/**
	 * The path was invalid and was neither pushed nor hinted.
	 */
	REJECTED

}
