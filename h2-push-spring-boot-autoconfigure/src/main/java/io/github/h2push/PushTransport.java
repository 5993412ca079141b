package io.github.h2push;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;

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
	 * Why the client on the request's connection cannot take a push now, for example
	 * HTTP/1.1, a client that refused push, or a pushed request.
	 * @param request the triggering request
	 * @return the reason, or {@code null} if a push may be attempted
	 */
	@Nullable
	String pushRefusal(HttpServletRequest request);

	/**
	 * Sends the promise. Best effort: returns {@code false} instead of throwing when
	 * the server cannot push (for example, the peer's stream limit is reached).
	 * @param request the triggering request
	 * @param promise the promise to send
	 * @return {@code true} if the PUSH_PROMISE was sent
	 */
	boolean push(HttpServletRequest request, PushPromise promise);

	/**
	 * Whether the path was already pushed on the request's connection, as far as this
	 * transport remembers.
	 * @param request the triggering request
	 * @param path the path
	 * @return {@code true} if it was pushed before on this connection
	 */
	default boolean isPushedOnConnection(HttpServletRequest request, String path) {
		return false;
	}

	/**
	 * Sends a {@code 103 Early Hints} interim response carrying the given
	 * {@code Link} header values, before the final response. Best effort.
	 * @param request the triggering request, whose response is not committed
	 * @param links the {@code Link} header values
	 * @param overHttp1 whether an HTTP/1.1 request may get one too
	 * @return {@code true} if the interim response was sent
	 */
	default boolean sendEarlyHints(HttpServletRequest request, List<String> links, boolean overHttp1) {
		return false;
	}

}
