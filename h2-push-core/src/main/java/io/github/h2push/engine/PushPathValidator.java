package io.github.h2push.engine;

import org.springframework.lang.Nullable;

/**
 * Checks that a value is a path on this origin that can be pushed or hinted safely:
 * it starts with a single {@code /}, has no dot segments, no fragment, no control,
 * non-ASCII or otherwise unsafe characters, valid percent-encoding, and is at most
 * {@value #MAX_LENGTH} characters long.
 *
 * @since 0.1.0
 */
public final class PushPathValidator {

	/**
	 * The longest path accepted.
	 */
	public static final int MAX_LENGTH = 8192;

	private PushPathValidator() {
	}

	/**
	 * Checks a path.
	 * @param path the path to check
	 * @return a description of the problem, or {@code null} if the path is acceptable
	 */
	@Nullable
	public static String problemWith(@Nullable String path) {
		if (path == null || path.isEmpty()) {
			return "is empty";
		}
		if (path.length() > MAX_LENGTH) {
			return "is longer than " + MAX_LENGTH + " characters";
		}
		String characterProblem = characterProblem(path);
		if (characterProblem != null) {
			return characterProblem;
		}
		if (path.startsWith("//")) {
			return "is scheme-relative ('//host/…'); only paths on this origin can be pushed";
		}
		if (path.charAt(0) != '/') {
			return hasScheme(path) ? "is an absolute URL; only paths on this origin can be pushed"
					: "must start with '/'";
		}
		if (path.indexOf('#') >= 0) {
			return "contains a fragment ('#'), which is never sent to a server";
		}
		int queryStart = path.indexOf('?');
		String pathPart = (queryStart >= 0) ? path.substring(0, queryStart) : path;
		for (String segment : pathPart.split("/", -1)) {
			if (isDotSegment(segment)) {
				return "contains a '" + segment + "' segment";
			}
		}
		return null;
	}

	@Nullable
	private static String characterProblem(String path) {
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				return "contains a control character (" + describeControl(c) + ") at index " + i;
			}
			if (c > 0x7e) {
				return "contains a non-ASCII character at index " + i + "; percent-encode it";
			}
			if (" \"<>\\^`{|}".indexOf(c) >= 0) {
				return "contains '" + c + "' at index " + i + "; percent-encode it";
			}
			if (c == '%' && !(i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2)))) {
				return "contains an invalid percent-encoding at index " + i;
			}
		}
		return null;
	}

	private static String describeControl(char c) {
		return switch (c) {
			case '\r' -> "CR";
			case '\n' -> "LF";
			case '\t' -> "TAB";
			case 0 -> "NUL";
			default -> String.format("0x%02X", (int) c);
		};
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static boolean hasScheme(String value) {
		int colon = value.indexOf(':');
		if (colon <= 0 || !Character.isLetter(value.charAt(0))) {
			return false;
		}
		for (int i = 1; i < colon; i++) {
			char c = value.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDotSegment(String segment) {
		String decoded = segment.replace("%2e", ".").replace("%2E", ".");
		return decoded.equals(".") || decoded.equals("..");
	}

}
