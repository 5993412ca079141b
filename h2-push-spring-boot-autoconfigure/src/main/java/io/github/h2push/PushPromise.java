package io.github.h2push;

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
		copy.putAll(headers);
		headers = HttpHeaders.readOnlyHttpHeaders(copy);
	}

	@Override
	public String toString() {
		return this.path + " " + this.headers;
	}

}
