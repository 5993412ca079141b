package io.github.h2push.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;

/**
 * The links of a {@code Link} header value (RFC 8288): several comma-separated links,
 * targets in angle brackets (which may contain commas and semicolons), parameters as
 * tokens or quoted strings, parameters without a value (such as {@code nopush}), and
 * {@code rel} values that name several relations. Malformed links are skipped, not
 * guessed at.
 *
 * @since 0.1.0
 */
public final class LinkHeader {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private LinkHeader() {
	}

	/**
	 * Parses a {@code Link} header value.
	 * @param value the header value, possibly {@code null}
	 * @return the well-formed links, in order
	 */
	public static List<Link> parse(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return List.of();
		}
		List<Link> links = new ArrayList<>(2);
		Cursor cursor = new Cursor(value);
		while (cursor.skipSpaceAnd(',')) {
			Link link = parseLink(cursor);
			if (link != null) {
				links.add(link);
			}
			else {
				cursor.skipToNextLink();
			}
		}
		return links;
	}

	@Nullable
	private static Link parseLink(Cursor cursor) {
		if (!cursor.consume('<')) {
			return null;
		}
		int end = cursor.value.indexOf('>', cursor.position);
		if (end < 0) {
			return null;
		}
		String target = cursor.value.substring(cursor.position, end).trim();
		cursor.position = end + 1;
		Map<String, String> parameters = new LinkedHashMap<>();
		while (true) {
			cursor.skipSpace();
			if (cursor.atEnd() || cursor.peek() == ',') {
				return new Link(target, Collections.unmodifiableMap(parameters));
			}
			if (!cursor.consume(';')) {
				return null;
			}
			cursor.skipSpace();
			if (cursor.atEnd() || cursor.peek() == ',') {
				// a trailing ';' is tolerated
				return new Link(target, Collections.unmodifiableMap(parameters));
			}
			String name = cursor.token();
			if (name.isEmpty()) {
				return null;
			}
			cursor.skipSpace();
			String parameterValue = "";
			if (cursor.consume('=')) {
				cursor.skipSpace();
				parameterValue = (!cursor.atEnd() && cursor.peek() == '"') ? cursor.quotedString() : cursor.token();
				if (parameterValue == null) {
					return null;
				}
			}
			// RFC 8288: occurrences after the first of a parameter are ignored
			parameters.putIfAbsent(name.toLowerCase(Locale.ROOT), parameterValue);
		}
	}

	/**
	 * One link of a {@code Link} header.
	 *
	 * @param target the target URI reference, as written between the angle brackets
	 * @param parameters the parameters, names in lower case, quoted values unquoted,
	 * empty values for parameters without one
	 */
	public record Link(String target, Map<String, String> parameters) {

		/**
		 * The relation types of the link, in lower case.
		 * @return the relation types, empty when there is no {@code rel}
		 */
		public List<String> rels() {
			String rel = this.parameters.get("rel");
			if (rel == null || rel.isBlank()) {
				return List.of();
			}
			return Arrays.stream(WHITESPACE.split(rel.trim())).map((type) -> type.toLowerCase(Locale.ROOT)).toList();
		}

		/**
		 * Whether the link is a preload link: {@code preload} is one of its relation
		 * types.
		 * @return {@code true} for a preload link
		 */
		public boolean isPreload() {
			return rels().contains("preload");
		}

		/**
		 * Whether the link carries the {@code nopush} parameter, by which an
		 * application asks servers and proxies not to push it.
		 * @return {@code true} when it must not be pushed
		 */
		public boolean isNoPush() {
			return this.parameters.containsKey("nopush");
		}

		/**
		 * The value of a parameter.
		 * @param name the parameter name, in lower case
		 * @return the value, empty when the parameter is absent or has no value
		 */
		public String parameter(String name) {
			return this.parameters.getOrDefault(name, "");
		}

		/**
		 * The target as a path within the application that serves the request: its
		 * {@linkplain #sameOriginPath same-origin path} without the request's context path,
		 * as {@code @PushResources} paths are written.
		 * @param request the request whose response carries the link
		 * @return the path with its query, or {@code null} for another origin, a path
		 * outside the application's context path, or a target that is not a URI reference
		 */
		@Nullable
		public String applicationPath(HttpServletRequest request) {
			return withinApplication(request, sameOriginPath(request));
		}

		/**
		 * The target as a path on the origin of a request: a path as is, a relative
		 * reference resolved against the request's path, an absolute URL only when its
		 * scheme, host and port are the request's.
		 * @param request the request whose response carries the link
		 * @return the path with its query, or {@code null} for another origin or a
		 * target that is not a URI reference
		 */
		@Nullable
		public String sameOriginPath(HttpServletRequest request) {
			try {
				return LinkHeader.sameOriginPath(request, new URI(request.getRequestURI()), this.target);
			}
			catch (URISyntaxException ex) {
				return null;
			}
		}

	}

	/**
	 * A path on the request's origin as a path within the application that serves the
	 * request: without the request's context path.
	 * @param request the request
	 * @param path a path on the request's origin, with its query, or {@code null}
	 * @return the path within the application, or {@code null} when it lies outside the
	 * context path or is {@code null}
	 */
	@Nullable
	public static String withinApplication(HttpServletRequest request, @Nullable String path) {
		String contextPath = ContextPath.of(request);
		if (path == null || contextPath.isEmpty()) {
			return path;
		}
		if (!path.startsWith(contextPath) || (path.length() > contextPath.length()
				&& path.charAt(contextPath.length()) != '/' && path.charAt(contextPath.length()) != '?')) {
			return null;
		}
		String within = path.substring(contextPath.length());
		return within.isEmpty() ? "/" : (within.charAt(0) == '?') ? "/" + within : within;
	}

	/**
	 * A URI reference as a path on the origin of a request: resolved against a base (the
	 * request's path, the page's URL, or the URL of its {@code <base>}), and kept only
	 * when it has no scheme and no host, or the scheme, host and port of the request.
	 * @param request the request whose response names the reference
	 * @param base the URI the reference is relative to
	 * @param reference the URI reference, as written
	 * @return the path with its query, or {@code null} for another origin or a reference
	 * that is not a URI reference
	 */
	@Nullable
	public static String sameOriginPath(HttpServletRequest request, URI base, String reference) {
		URI uri;
		try {
			uri = new URI(reference);
		}
		catch (URISyntaxException ex) {
			return null;
		}
		if (base.getRawAuthority() != null && (base.getRawPath() == null || base.getRawPath().isEmpty())) {
			// URI.resolve would append a relative path straight after the host
			base = base.resolve("/");
		}
		uri = base.resolve(uri);
		if (uri.getRawAuthority() != null) {
			if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase(request.getScheme())
					|| uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
					|| port(uri) != request.getServerPort() || uri.getRawUserInfo() != null) {
				return null;
			}
		}
		else if (uri.getScheme() != null) {
			return null;
		}
		String path = uri.getRawPath();
		if (path == null || path.isEmpty()) {
			return null;
		}
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

	private static int port(URI uri) {
		if (uri.getPort() >= 0) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static final class Cursor {

		private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

		private final String value;

		private int position;

		private Cursor(String value) {
			this.value = value;
		}

		boolean atEnd() {
			return this.position >= this.value.length();
		}

		char peek() {
			return this.value.charAt(this.position);
		}

		boolean consume(char c) {
			if (!atEnd() && peek() == c) {
				this.position++;
				return true;
			}
			return false;
		}

		void skipSpace() {
			while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
				this.position++;
			}
		}

		// skips spaces and empty list elements; false at the end of the value
		boolean skipSpaceAnd(char separator) {
			while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == separator)) {
				this.position++;
			}
			return !atEnd();
		}

		String token() {
			int start = this.position;
			while (!atEnd() && peek() > 0x20 && peek() < 0x7f && SEPARATORS.indexOf(peek()) < 0) {
				this.position++;
			}
			return this.value.substring(start, this.position);
		}

		@Nullable
		String quotedString() {
			StringBuilder result = new StringBuilder();
			this.position++;
			while (!atEnd()) {
				char c = this.value.charAt(this.position++);
				if (c == '"') {
					return result.toString();
				}
				if (c == '\\' && !atEnd()) {
					c = this.value.charAt(this.position++);
				}
				result.append(c);
			}
			return null;
		}

		// after a malformed link: on to the next ',' outside angle brackets and quotes
		void skipToNextLink() {
			boolean quoted = false;
			boolean bracketed = false;
			while (!atEnd()) {
				char c = this.value.charAt(this.position++);
				if (quoted) {
					if (c == '\\') {
						this.position++;
					}
					else if (c == '"') {
						quoted = false;
					}
				}
				else if (bracketed) {
					bracketed = c != '>';
				}
				else if (c == '"') {
					quoted = true;
				}
				else if (c == '<') {
					bracketed = true;
				}
				else if (c == ',') {
					return;
				}
			}
		}

	}

}
