package io.github.h2push.engine;

import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;

/**
 * The one rule for whether a request is a navigation: a {@code GET} for a document a
 * browser shows. Early hints are sent, hints are learned and a page's frames are sent
 * first only for navigations, and all of them decide with this rule.
 * <ul>
 * <li>A request with {@code Sec-Fetch-Mode} is a navigation when the mode is
 * {@code navigate} and {@code Sec-Fetch-Dest}, if present, is {@code document} (not an
 * iframe, an embed or a worker).</li>
 * <li>Without {@code Sec-Fetch-Mode}, a {@code Sec-Fetch-Dest} decides alone.</li>
 * <li>Without either, an RFC 9218 {@code priority} header decides: urgency 0 is what
 * browsers give a document.</li>
 * <li>A client that says none of these (curl, nghttp, the JDK client) is taken to
 * navigate.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class Navigation {

	private Navigation() {
	}

	/**
	 * Whether a servlet request is a navigation.
	 * @param request the request
	 * @return {@code true} for a navigation
	 */
	public static boolean isNavigation(HttpServletRequest request) {
		// read directly: a method reference here was made anew for every request
		if (!"GET".equals(request.getMethod())) {
			return false;
		}
		String mode = request.getHeader("Sec-Fetch-Mode");
		String destination = request.getHeader("Sec-Fetch-Dest");
		return isNavigation(mode, destination,
				(mode == null && destination == null) ? request.getHeader("Priority") : null);
	}

	/**
	 * Whether a request is a navigation, from its method and headers.
	 * @param method the request method
	 * @param headers the first value of a request header by name, or {@code null}
	 * @return {@code true} for a navigation
	 */
	public static boolean isNavigation(String method, UnaryOperator<String> headers) {
		if (!"GET".equals(method)) {
			return false;
		}
		String mode = headers.apply("Sec-Fetch-Mode");
		String destination = headers.apply("Sec-Fetch-Dest");
		return isNavigation(mode, destination,
				(mode == null && destination == null) ? headers.apply("Priority") : null);
	}

	// priority is read only when neither Sec-Fetch header is there
	private static boolean isNavigation(@Nullable String mode, @Nullable String destination,
			@Nullable String priority) {
		if (mode != null) {
			return mode.equalsIgnoreCase("navigate")
					&& (destination == null || destination.equalsIgnoreCase("document"));
		}
		if (destination != null) {
			return destination.equalsIgnoreCase("document");
		}
		return priority == null || "0".equals(urgency(priority));
	}

	// RFC 9218: a structured-field dictionary such as "u=0, i"; the last "u" wins
	@Nullable
	private static String urgency(String priority) {
		String urgency = null;
		for (String member : priority.split(",")) {
			String trimmed = member.trim();
			int equals = trimmed.indexOf('=');
			if (equals > 0 && trimmed.substring(0, equals).trim().equals("u")) {
				int parameters = trimmed.indexOf(';', equals);
				urgency = trimmed.substring(equals + 1, (parameters < 0) ? trimmed.length() : parameters).trim();
			}
		}
		return urgency;
	}

}
