package io.github.h2push.engine;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.spi.PushChannel;

import org.springframework.lang.Nullable;

/**
 * What h2-push keeps on a request between its calls, in one request attribute: the
 * request's channel and the {@code Link} values h2-push added. Undertow, Tomcat and
 * Jetty keep a request's attributes in a hash map, which each one more can make grow.
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
