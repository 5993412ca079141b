package io.github.h2push;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides, before anything is pushed or hinted, whether the client of a request may
 * be offered a resource. The Spring Security integration asks the application's
 * security rules; applications can add their own policies as beans.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface PushAccessPolicy {

	/**
	 * Decides how the resource may be offered to the client of the request. A policy
	 * that throws is logged and taken to deny: the resource is neither pushed nor
	 * hinted, and the response is served as if it had not been offered.
	 * @param request the triggering request
	 * @param path the path of the resource on this origin
	 * @return the decision
	 */
	Access check(HttpServletRequest request, String path);

	/**
	 * How a resource may be offered.
	 */
	enum Access {

		/**
		 * Pushed, or hinted when push is impossible.
		 */
		PUSH,

		/**
		 * Hinted only: the client may fetch it with its own credentials, but a pushed
		 * request (which carries only the copied headers) would not be allowed to.
		 */
		HINT_ONLY,

		/**
		 * Neither pushed nor hinted: the client may not fetch it.
		 */
		DENY

	}

}
