package io.github.h2push.engine;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.lang.Nullable;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * The values a request sent that a page could write into the URLs of its head: the
 * segments of its path that the handler's pattern does not name literally (path
 * variables, what {@code **} matched), the values of its path variables, the names and
 * values of its parameters, and its header values, whole and split into the elements of
 * a list ({@code ,}, {@code ;}, and the value of a {@code name=value}).
 * <p>
 * A value appears in a target when the target's decoded path contains it, ignoring
 * case, between characters that are not letters or digits ({@code /themes/evil.css} for
 * {@code evil}); a value of {@value #ANYWHERE} or more characters, such as an id or a
 * token, anywhere. Values of one character are not compared: every other target would
 * contain one.
 */
final class RequestValues {

	/**
	 * The length from which a value counts wherever it appears in a target.
	 */
	static final int ANYWHERE = 12;

	private final Set<String> values;

	private final boolean literalDirectory;

	private RequestValues(Set<String> values, boolean literalDirectory) {
		this.values = values;
		this.literalDirectory = literalDirectory;
	}

	/**
	 * Collects the values of a request.
	 * @param request the request, after its handler ran
	 * @return the values
	 */
	static RequestValues of(HttpServletRequest request) {
		Set<String> values = new LinkedHashSet<>();
		boolean literalDirectory = addPath(values, request);
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			variables.values().forEach((value) -> add(values, String.valueOf(value)));
		}
		request.getParameterMap().forEach((name, parameterValues) -> {
			add(values, name);
			for (String value : parameterValues) {
				addList(values, value);
			}
		});
		Enumeration<String> names = request.getHeaderNames();
		while (names != null && names.hasMoreElements()) {
			Enumeration<String> headerValues = request.getHeaders(names.nextElement());
			while (headerValues != null && headerValues.hasMoreElements()) {
				addList(values, headerValues.nextElement());
			}
		}
		return new RequestValues(values, literalDirectory);
	}

	/**
	 * Whether a value of the request appears in a path.
	 * @param path a path on this origin, without a query
	 * @return {@code true} when one does
	 */
	boolean appearIn(String path) {
		String target = decode(path).toLowerCase(Locale.ROOT);
		for (String value : this.values) {
			if (appears(value, target)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the directory of the request's path, against which a relative reference
	 * resolves, is the same for every request the handler serves: each of its segments
	 * is one the handler's pattern names literally.
	 * @return {@code true} when it is
	 */
	boolean hasLiteralDirectory() {
		return this.literalDirectory;
	}

	private static boolean appears(String value, String target) {
		int from = target.indexOf(value);
		if (value.length() >= ANYWHERE) {
			return from >= 0;
		}
		while (from >= 0) {
			int end = from + value.length();
			if ((from == 0 || !isLetterOrDigit(target.charAt(from - 1)))
					&& (end == target.length() || !isLetterOrDigit(target.charAt(end)))) {
				return true;
			}
			from = target.indexOf(value, from + 1);
		}
		return false;
	}

	private static boolean isLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c > 0x7f;
	}

	// the segments Spring's best-matching pattern does not name literally are the request's;
	// without a pattern, all of them are
	private static boolean addPath(Set<String> values, HttpServletRequest request) {
		String path = request.getRequestURI();
		String contextPath = request.getContextPath();
		if (contextPath != null && path.startsWith(contextPath)) {
			path = path.substring(contextPath.length());
		}
		List<String> segments = List.of(path.split("/", -1));
		Object bestPattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		List<String> literals = (bestPattern instanceof String pattern) ? List.of(pattern.split("/", -1)) : List.of();
		boolean literalDirectory = true;
		for (int i = 1; i < segments.size(); i++) {
			String segment = segments.get(i);
			if (segment.isEmpty() || (i < literals.size() && isLiteral(literals.get(i)) && literals.get(i).equals(segment))) {
				continue;
			}
			if (i < segments.size() - 1) {
				literalDirectory = false;
			}
			for (String part : segment.split(";")) {
				addList(values, decode(part));
			}
		}
		return literalDirectory;
	}

	private static boolean isLiteral(String patternSegment) {
		for (char c : patternSegment.toCharArray()) {
			if (c == '{' || c == '*' || c == '?' || c == ';') {
				return false;
			}
		}
		return true;
	}

	// the value whole, and the elements of a list such as "de-DE,de;q=0.9" or "u=0, i"
	private static void addList(Set<String> values, String value) {
		add(values, value);
		for (String element : value.split("[,;]")) {
			add(values, element);
			int equals = element.indexOf('=');
			if (equals >= 0) {
				add(values, element.substring(equals + 1));
			}
		}
	}

	private static void add(Set<String> values, @Nullable String value) {
		if (value == null) {
			return;
		}
		String trimmed = value.trim();
		if (trimmed.length() >= 2 && trimmed.charAt(0) == '"' && trimmed.charAt(trimmed.length() - 1) == '"') {
			trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
		}
		if (trimmed.length() >= 2) {
			values.add(trimmed.toLowerCase(Locale.ROOT));
		}
	}

	private static String decode(String value) {
		try {
			return UriUtils.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

}
