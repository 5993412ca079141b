package io.github.h2push.test;

import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushPromise;
import io.github.h2push.PushReason;
import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushChannel.Refusal;
import io.github.h2push.spi.PushTransport;

import org.springframework.lang.Nullable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Captures pushes and early hints made for MockMvc requests, as an HTTP/2 connection
 * would carry them: every promise counts as pushed, and the
 * {@link io.github.h2push.PushPromiseService} records it on the request like any other;
 * the {@code Link} values of a {@code 103 Early Hints} response are recorded too (read
 * them with {@link PushPromises#earlyHints}). A request built with
 * {@link PushRequestPostProcessors#pushRefused()} behaves like one from a client that
 * refused push. A transport made {@linkplain #hintsOnly() for a server that cannot push}
 * (Tomcat, Jetty) refuses every push, as that server does.
 *
 * @since 0.1.0
 */
public class MockPushTransport implements PushTransport {

	static final String REFUSED_ATTRIBUTE = MockPushTransport.class.getName() + ".refused";

	static final String EARLY_HINTS_ATTRIBUTE = MockPushTransport.class.getName() + ".earlyHints";

	private final boolean canPush;

	/**
	 * Creates a transport for a server that can push, such as Undertow.
	 */
	public MockPushTransport() {
		this(true);
	}

	private MockPushTransport(boolean canPush) {
		this.canPush = canPush;
	}

	/**
	 * Creates a transport for a server that cannot push, such as Tomcat or Jetty: every
	 * resource is hinted, and navigations get a {@code 103 Early Hints}.
	 * @return the transport
	 */
	public static MockPushTransport hintsOnly() {
		return new MockPushTransport(false);
	}

	/**
	 * Whether this transport plays a server that can push.
	 * @return {@code false} for {@link #hintsOnly()}
	 */
	public boolean canPush() {
		return this.canPush;
	}

	@Override
	@Nullable
	public PushChannel open(HttpServletRequest request, @Nullable HttpServletResponse response) {
		return (WebUtils.getNativeRequest(request, MockHttpServletRequest.class) != null)
				? new MockPushChannel(request, refusal(request)) : null;
	}

	@Nullable
	private Refusal refusal(ServletRequest request) {
		if (!this.canPush) {
			return new Refusal(PushReason.UNAVAILABLE, "the server cannot push");
		}
		return (request.getAttribute(REFUSED_ATTRIBUTE) != null)
				? new Refusal(PushReason.CLIENT_REFUSED, "the client refused push") : null;
	}

	private record MockPushChannel(HttpServletRequest request, @Nullable Refusal refusal) implements PushChannel {

		@Override
		public Answer push(PushPromise promise) {
			return (this.refusal != null) ? Answer.REFUSED : Answer.SENT;
		}

		// as over HTTP/2, where browsers act on them
		@Override
		public boolean sendEarlyHints(List<String> links, boolean overHttp1) {
			this.request.setAttribute(EARLY_HINTS_ATTRIBUTE, List.copyOf(links));
			return true;
		}

	}

}
