package io.github.h2push;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Told of every push decision, for metrics and logs. Called on the request's thread,
 * so implementations must be fast and thread-safe.
 *
 * @since 0.1.0
 */
public interface PushListener {

	/**
	 * Called once for each resource the {@link PushPromiseService} was asked to push,
	 * with its final outcome.
	 * @param request the triggering request
	 * @param result what happened
	 */
	void onResult(HttpServletRequest request, PushResult result);

	/**
	 * Called when the client reset a pushed stream before its response completed,
	 * usually because it already had the resource.
	 * @param path the pushed path
	 */
	default void onPushReset(String path) {
	}

}
