package io.github.h2push;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Delivers push promises for the requests of one kind of server connection. The
 * {@link PushPromiseService} builds each promise and asks the first transport that
 * {@linkplain #supports supports} the request to send it.
 *
 * @since 0.1.0
 */
public interface PushTransport {

	/**
	 * Whether this transport handles the given request.
	 * @param request the triggering request
	 * @return {@code true} if this transport can tell whether, and how, to push
	 */
	boolean supports(HttpServletRequest request);

	/**
	 * Whether the client on the request's connection accepts pushes now: HTTP/2, push
	 * allowed by the peer, and not itself a pushed request.
	 * @param request the triggering request
	 * @return {@code true} if a push may be attempted
	 */
	boolean isPushSupported(HttpServletRequest request);

	/**
	 * Sends the promise. Best effort: returns {@code false} instead of throwing when
	 * the server cannot push (for example, the peer's stream limit is reached).
	 * @param request the triggering request
	 * @param promise the promise to send
	 * @return {@code true} if the PUSH_PROMISE was sent
	 */
	boolean push(HttpServletRequest request, PushPromise promise);

}
