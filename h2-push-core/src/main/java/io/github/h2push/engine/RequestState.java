package io.github.h2push.engine;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.spi.PushChannel;

import org.springframework.lang.Nullable;

/**
 * What h2-push keeps on a request between its calls, in one request attribute: the
 * request's channel and the {@code Link} values h2-push added. A request's attributes
 * are a hash map on every server, and each one more can make it grow.
 */
final class RequestState {

	private static final String ATTRIBUTE = RequestState.class.getName();

	@Nullable
	PushChannel channel;

	@Nullable
	List<String> ownLinks;

	private RequestState() {
	}

	@Nullable
	static RequestState of(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof RequestState state) ? state : null;
	}

	static RequestState create(HttpServletRequest request) {
		RequestState state = of(request);
		if (state == null) {
			state = new RequestState();
			request.setAttribute(ATTRIBUTE, state);
		}
		return state;
	}

}
