package io.github.h2push.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

import org.springframework.lang.Nullable;

/**
 * Answers {@code 400 Bad Request} to a request whose {@code Host} header (or HTTP/2
 * {@code :authority}) opens an IPv6 bracket without closing it. Undertow passes such a
 * value on, and its {@code getHostName()} then throws, so anything that asks for the
 * server name (Spring Security's firewall, {@code getRequestURL()}) fails the request
 * with a 500 and an ERROR stack trace chosen by the client.
 */
final class UnparsableHostHandler implements HttpHandler {

	private final HttpHandler next;

	/**
	 * Creates a handler.
	 * @param next the handler to call for every other request
	 */
	UnparsableHostHandler(HttpHandler next) {
		this.next = next;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		if (isUnparsable(exchange.getRequestHeaders().getFirst(Headers.HOST))) {
			exchange.setStatusCode(StatusCodes.BAD_REQUEST);
			exchange.endExchange();
			return;
		}
		this.next.handleRequest(exchange);
	}

	// the one form HttpServerExchange.getHostName() cannot take apart
	static boolean isUnparsable(@Nullable String host) {
		return host != null && host.startsWith("[") && host.indexOf(']') < 0;
	}

}
