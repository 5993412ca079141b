package io.github.h2push.engine;

import org.springframework.lang.Nullable;

/**
 * Makes untrusted values safe to write into one log line.
 *
 * @since 0.1.0
 */
final class LogSafe {

	private static final int MAX_SHOWN = 200;

	private LogSafe() {
	}

	/**
	 * Escapes control characters and shortens the value to 200 characters.
	 * @param value an untrusted value
	 * @return the value, safe for one log line
	 */
	public static String escape(@Nullable String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder escaped = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 16);
		for (int i = 0; i < value.length() && i < MAX_SHOWN; i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				escaped.append(switch (c) {
					case '\r' -> "\\r";
					case '\n' -> "\\n";
					case '\t' -> "\\t";
					default -> String.format("\\u%04x", (int) c);
				});
			}
			else {
				escaped.append(c);
			}
		}
		if (value.length() > MAX_SHOWN) {
			escaped.append("…(").append(value.length()).append(" characters)");
		}
		return escaped.toString();
	}

}
