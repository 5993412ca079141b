package io.github.h2push.undertow;

import java.util.Locale;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * Lets a browser use a font (or any CORS-mode resource) that a {@code 103 Early Hints}
 * response made it fetch. Chromium sends such a preload in CORS mode without an
 * {@code Origin} header, as there is no document yet; the page's own request for the
 * font then carries one. Spring MVC adds {@code Vary: Origin} to every static resource,
 * so the preloaded response does not match and the font is fetched twice. For a
 * CORS-mode request without {@code Origin} whose response is not a CORS response (no
 * {@code Access-Control-Allow-Origin}), the response does not depend on an origin, and
 * this handler drops {@code Origin} and the preflight headers from its {@code Vary}.
 * It also makes that response {@code private}: a shared cache must not serve it, which
 * has no CORS headers, to another site's request for the same URL.
 *
 * @since 0.1.0
 */
class EarlyHintsVaryHandler implements HttpHandler {

	private static final HttpString SEC_FETCH_MODE = new HttpString("Sec-Fetch-Mode");

	private static final HttpString ACCESS_CONTROL_ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");

	private final HttpHandler next;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 */
	public EarlyHintsVaryHandler(HttpHandler next) {
		this.next = next;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		HeaderMap request = exchange.getRequestHeaders();
		if (!request.contains(Headers.ORIGIN) && "cors".equalsIgnoreCase(request.getFirst(SEC_FETCH_MODE))) {
			exchange.addResponseCommitListener(EarlyHintsVaryHandler::dropOriginFromVary);
		}
		this.next.handleRequest(exchange);
	}

	// the response's own directives, with private in place of public
	private static String privately(String cacheControl) {
		if (cacheControl == null || cacheControl.isBlank()) {
			return "private";
		}
		StringBuilder directives = new StringBuilder("private");
		for (String directive : cacheControl.split(",")) {
			String trimmed = directive.trim();
			String lower = trimmed.toLowerCase(Locale.ROOT);
			if (!trimmed.isEmpty() && !lower.equals("public") && !lower.equals("private")
					&& !lower.startsWith("s-maxage")) {
				directives.append(", ").append(trimmed);
			}
		}
		return directives.toString();
	}

	private static void dropOriginFromVary(HttpServerExchange exchange) {
		HeaderMap response = exchange.getResponseHeaders();
		HeaderValues vary = response.get(Headers.VARY);
		if (vary == null || response.contains(ACCESS_CONTROL_ALLOW_ORIGIN)) {
			return;
		}
		String[] values = vary.toArray();
		response.remove(Headers.VARY);
		response.put(Headers.CACHE_CONTROL, privately(response.getFirst(Headers.CACHE_CONTROL)));
		for (String value : values) {
			for (String name : value.split(",")) {
				String trimmed = name.trim();
				String lower = trimmed.toLowerCase(Locale.ROOT);
				if (!trimmed.isEmpty() && !lower.equals("origin") && !lower.equals("access-control-request-method")
						&& !lower.equals("access-control-request-headers")) {
					response.add(Headers.VARY, trimmed);
				}
			}
		}
	}

}
