package io.github.h2push;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * A push promise exactly as sent: the path of the promised request and the request
 * headers copied into it from the triggering request (pseudo-headers excluded).
 *
 * @param path the promised path, such as {@code /css/site.css}
 * @param headers the copied request headers, read-only
 * @since 0.1.0
 */
public record PushPromise(String path, HttpHeaders headers) {

	/**
	 * Creates a promise; the headers are copied into a read-only view.
	 * @param path the promised path
	 * @param headers the copied request headers
	 */
	public PushPromise {
		Assert.hasText(path, "'path' must not be empty");
		Assert.notNull(headers, "'headers' must not be null");
		HttpHeaders copy = new HttpHeaders();
		// methods HttpHeaders has on Spring Framework 6.2 and 7 alike (7 is no Map)
		headers.forEach(copy::addAll);
		headers = HttpHeaders.readOnlyHttpHeaders(copy);
	}

	/**
	 * The names of the copied headers, in order, as they were copied (lower case).
	 * @return the names
	 */
	public List<String> headerNames() {
		return this.headers.headerSet().stream().map(Map.Entry::getKey).toList();
	}

	/**
	 * The values of one copied header, as copied from the request.
	 * @param name the header name, in any case
	 * @return the values, empty when the header was not copied
	 */
	public List<String> headerValues(String name) {
		for (Map.Entry<String, List<String>> header : this.headers.headerSet()) {
			if (header.getKey().equalsIgnoreCase(name)) {
				return List.copyOf(header.getValue());
			}
		}
		return List.of();
	}

	/**
	 * Describes the promise with the names of its copied headers, not their values,
	 * which may carry credentials.
	 */
	@Override
	public String toString() {
		return this.path + " " + headerNames();
	}

}
