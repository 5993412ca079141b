package io.github.h2push.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * The request headers copied from a triggering request into each push promise.
 * <p>
 * Conditional headers and {@code Range} are never copied (a push must be a plain,
 * complete response), nor are connection-specific headers. Credentials
 * ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}) are copied only
 * when listed explicitly.
 *
 * @since 0.1.0
 */
public final class RequestHeaderAllowlist {

	/**
	 * The headers copied by default, as by Quart and Apache mod_http2.
	 */
	public static final List<String> DEFAULT_HEADERS = List.of("accept", "accept-encoding", "accept-language",
			"cache-control", "user-agent");

	/**
	 * Headers that carry credentials and are copied only when listed explicitly.
	 */
	public static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

	private static final Set<String> NEVER_COPIED = Set.of("if-match", "if-none-match", "if-modified-since",
			"if-unmodified-since", "if-range", "range");

	private static final Set<String> CONNECTION_SPECIFIC = Set.of("connection", "keep-alive", "proxy-connection",
			"transfer-encoding", "upgrade", "te", "host", "content-length", "content-type", "expect",
			"http2-settings");

	/**
	 * The default for {@link #getMaxBytes()}: enough for any browser's copied headers.
	 */
	public static final int DEFAULT_MAX_BYTES = 2048;

	private final List<String> names;

	private final int maxBytes;

	/**
	 * Creates an allowlist that copies at most {@link #DEFAULT_MAX_BYTES} per promise.
	 * @param names the header names to copy, case-insensitive
	 * @throws IllegalArgumentException if a name is not a valid header name or is never
	 * copied
	 */
	public RequestHeaderAllowlist(Collection<String> names) {
		this(names, DEFAULT_MAX_BYTES);
	}

	/**
	 * Creates an allowlist.
	 * @param names the header names to copy, case-insensitive
	 * @param maxBytes the most bytes copied into one promise, counted as HPACK counts
	 * a header (name, value and 32); a header that does not fit is left out
	 * @throws IllegalArgumentException if a name is not a valid header name or is never
	 * copied
	 */
	public RequestHeaderAllowlist(Collection<String> names, int maxBytes) {
		Assert.isTrue(maxBytes >= 0, "'maxBytes' must not be negative");
		this.maxBytes = maxBytes;
		Set<String> normalized = new LinkedHashSet<>();
		for (String name : names) {
			String problem = problemWith(name);
			if (problem != null) {
				throw new IllegalArgumentException(problem);
			}
			normalized.add(name.trim().toLowerCase(Locale.ROOT));
		}
		this.names = List.copyOf(normalized);
	}

	/**
	 * Checks one header name.
	 * @param name the name
	 * @return a description of the problem, or {@code null} if it may be copied
	 */
	@Nullable
	public static String problemWith(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return "A copied header name must not be empty";
		}
		String lower = name.trim().toLowerCase(Locale.ROOT);
		if (lower.startsWith(":")) {
			return "'" + name + "' is a pseudo-header; the server sets those itself";
		}
		for (int i = 0; i < lower.length(); i++) {
			if (!isTokenCharacter(lower.charAt(i))) {
				return "'" + name + "' is not a valid header name";
			}
		}
		if (NEVER_COPIED.contains(lower)) {
			return "'" + name + "' is never copied: a conditional or range header would make a pushed "
					+ "response partial or empty";
		}
		if (CONNECTION_SPECIFIC.contains(lower)) {
			return "'" + name + "' is specific to the connection or request body and cannot be copied";
		}
		return null;
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
	}

	/**
	 * The names copied, lower case, in order.
	 * @return the names
	 */
	public List<String> getNames() {
		return this.names;
	}

	/**
	 * The most bytes of headers copied into one promise.
	 * @return the limit, counted as HPACK counts a header's size
	 */
	public int getMaxBytes() {
		return this.maxBytes;
	}

	/**
	 * The size of copied headers as HPACK counts it: name, value and 32 bytes for each.
	 * @param headers the headers
	 * @return the size in bytes
	 */
	public static int sizeOf(HttpHeaders headers) {
		int size = 0;
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			for (String value : header.getValue()) {
				size += header.getKey().length() + value.length() + 32;
			}
		}
		return size;
	}

	/**
	 * The credential headers this allowlist copies, each explicitly listed.
	 * @return the credential headers listed
	 */
	public List<String> getCredentialHeaders() {
		return this.names.stream().filter(CREDENTIAL_HEADERS::contains).toList();
	}

	/**
	 * Copies the allowlisted headers of a request, leaving out a header whose values
	 * would take the copy over {@link #getMaxBytes()}, so a client cannot make each
	 * promise carry more than that.
	 * @param request the triggering request
	 * @return the copied headers, in allowlist order
	 */
	public HttpHeaders copyFrom(HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		int remaining = this.maxBytes;
		for (String name : this.names) {
			Enumeration<String> values = request.getHeaders(name);
			if (values != null && values.hasMoreElements()) {
				List<String> list = Collections.list(values);
				int size = 0;
				for (String value : list) {
					size += name.length() + value.length() + 32;
				}
				if (size <= remaining) {
					headers.put(name, list);
					remaining -= size;
				}
			}
		}
		return headers;
	}

}
