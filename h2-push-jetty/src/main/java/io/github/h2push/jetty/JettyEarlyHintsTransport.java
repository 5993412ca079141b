package io.github.h2push.jetty;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletApiRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;

import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushTransport;

import org.springframework.lang.Nullable;

/**
 * The {@link PushTransport} of Jetty 12 (Servlet 6.1): Jetty's servlet layer cannot push,
 * so every resource is hinted, and {@code 103 Early Hints} go out through Jetty's core
 * {@code Response.writeInterim(103, fields)}, which sends exactly the fields it is given:
 * h2-push's {@code Link} headers and nothing else the response holds.
 *
 * @since 0.1.0
 */
public class JettyEarlyHintsTransport implements PushTransport {

	@Override
	@Nullable
	public PushChannel open(HttpServletRequest request, @Nullable HttpServletResponse response) {
		if (!isJettyRequest(request)) {
			return null;
		}
		ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
		return new JettyEarlyHintsChannel(request.getProtocol(), jettyRequest.getServletContextResponse());
	}

	// Jetty's lookup fails on another server's request, such as Tomcat's when both are present
	private static boolean isJettyRequest(ServletRequest request) {
		ServletRequest unwrapped = request;
		while (unwrapped instanceof ServletRequestWrapper wrapper) {
			unwrapped = wrapper.getRequest();
		}
		return unwrapped instanceof ServletApiRequest;
	}

}
