package io.github.h2push;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Told of every push decision, for metrics and logs. Called on request threads and,
 * for resets, on server I/O threads, so implementations must be fast, non-blocking
 * and thread-safe.
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
	 * Called with the results of one call to the {@link PushPromiseService}, such as the
	 * resources planned for a request, in order. By default, calls
	 * {@link #onResult(HttpServletRequest, PushResult)} for each. An exception ends the
	 * call for this listener only: it is logged, and the other listeners are told.
	 * @param request the triggering request
	 * @param results what happened to each resource, read-only
	 */
	default void onResults(HttpServletRequest request, List<PushResult> results) {
		for (PushResult result : results) {
			onResult(request, result);
		}
	}

	/**
	 * Called when a pushed stream ended before its response completed: the client
	 * reset it (usually because it already had the resource) or the connection was
	 * lost.
	 * @param path the pushed path
	 */
	default void onPushReset(String path) {
	}

}
