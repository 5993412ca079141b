package io.github.h2push.undertow;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;

import org.springframework.lang.Nullable;

/**
 * Corrects the {@code Content-Language} that Undertow's servlet response writes for a
 * locale without a country. {@code setLocale} writes language, hyphen and country, so
 * Spring MVC rendering a view in a JVM whose default locale is {@code en} answers
 * {@code Content-Language: en-}, which is not a language tag; this handler writes
 * {@code en} instead when the response is committed.
 *
 * @since 0.1.0
 */
class ContentLanguageHandler implements HttpHandler {

	private final HttpHandler next;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 */
	ContentLanguageHandler(HttpHandler next) {
		this.next = next;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		exchange.addResponseCommitListener(ContentLanguageHandler::correct);
		this.next.handleRequest(exchange);
	}

	private static void correct(HttpServerExchange exchange) {
		HeaderMap headers = exchange.getResponseHeaders();
		String value = headers.getFirst(Headers.CONTENT_LANGUAGE);
		if (value != null && value.endsWith("-")) {
			String corrected = languageTag(value);
			if (corrected != null) {
				headers.put(Headers.CONTENT_LANGUAGE, corrected);
			}
			else {
				headers.remove(Headers.CONTENT_LANGUAGE);
			}
		}
	}

	/**
	 * The language tag a value written by Undertow's {@code setLocale} meant.
	 * @param value the header value
	 * @return the value without a trailing hyphen, or {@code null} when nothing is left
	 */
	@Nullable
	static String languageTag(String value) {
		String tag = value.strip();
		while (tag.endsWith("-")) {
			tag = tag.substring(0, tag.length() - 1);
		}
		return tag.isEmpty() ? null : tag;
	}

}
