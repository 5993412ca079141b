package io.github.h2push.test;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushPromise;
import io.github.h2push.PushReason;
import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushTransport;

import org.springframework.lang.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Captures pushes made for MockMvc requests: every promise counts as pushed, and the
 * {@link io.github.h2push.PushPromiseService} records it on the request like any
 * other. A request built with {@link PushRequestPostProcessors#pushRefused()} behaves
 * like one from a client that refused push, as on a real server.
 *
 * @since 0.1.0
 */
public class MockPushTransport implements PushTransport {

	static final String REFUSED_ATTRIBUTE = MockPushTransport.class.getName() + ".refused";

	@Override
	@Nullable
	public PushChannel open(HttpServletRequest request, @Nullable HttpServletResponse response) {
		return (WebUtils.getNativeRequest(request, MockHttpServletRequest.class) != null)
				? new MockPushChannel(isRefused(request)) : null;
	}

	static boolean isRefused(ServletRequest request) {
		return request.getAttribute(REFUSED_ATTRIBUTE) != null;
	}

	private record MockPushChannel(boolean refused) implements PushChannel {

		@Override
		@Nullable
		public Refusal refusal() {
			return this.refused ? new Refusal(PushReason.CLIENT_REFUSED, "the client refused push") : null;
		}

		@Override
		public Answer push(PushPromise promise) {
			return Answer.SENT;
		}

	}

}
