package io.github.h2push.test;

import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.PushPromise;
import io.github.h2push.PushTransport;

import org.springframework.lang.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Captures pushes made for MockMvc requests: every promise counts as pushed, and the
 * {@link io.github.h2push.PushPromiseService} records it on the request like any
 * other. A request with an {@code X-Disable-Push} header behaves like a client that
 * refused push, as on Undertow.
 *
 * @since 0.1.0
 */
public class MockPushTransport implements PushTransport {

	/**
	 * The request header that makes a request behave as from a client that refused
	 * push.
	 */
	public static final String DISABLE_PUSH_HEADER = "X-Disable-Push";

	@Override
	public boolean supports(HttpServletRequest request) {
		return WebUtils.getNativeRequest(request, MockHttpServletRequest.class) != null;
	}

	@Override
	@Nullable
	public String pushRefusal(HttpServletRequest request) {
		return (request.getHeader(DISABLE_PUSH_HEADER) != null) ? "the client refused push (" + DISABLE_PUSH_HEADER
				+ ")" : null;
	}

	@Override
	public boolean push(HttpServletRequest request, PushPromise promise) {
		return true;
	}

}
