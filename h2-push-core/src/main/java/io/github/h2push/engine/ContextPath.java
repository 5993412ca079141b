package io.github.h2push.engine;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The application's context path, as its servlet context has it: the request's own
 * {@code getContextPath()} is the client's text ({@code /app;x=1}, {@code /a/../app}),
 * not a prefix to put before a path the application declared.
 */
final class ContextPath {

	private ContextPath() {
	}

	static String of(HttpServletRequest request) {
		ServletContext servletContext = request.getServletContext();
		String contextPath = (servletContext != null) ? servletContext.getContextPath() : null;
		// a mock request may carry a context path its servlet context does not
		return (contextPath != null && !contextPath.isEmpty()) ? contextPath : request.getContextPath();
	}

}
