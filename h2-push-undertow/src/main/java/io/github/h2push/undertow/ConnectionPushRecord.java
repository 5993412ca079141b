package io.github.h2push.undertow;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The origins and paths pushed on one connection, least recently pushed dropped first,
 * bounded both in entries and in characters so that a client cannot make it large, and
 * the authorities the connection may push for. Read and written only under the
 * connection's monitor.
 */
final class ConnectionPushRecord {

	/**
	 * The most characters of keys one connection keeps.
	 */
	static final int MAX_CHARACTERS = 32 * 1024;

	/**
	 * The most authorities one connection pushes for. A browser uses one, a few when it
	 * coalesces hosts of one certificate; a client that names a new port with each
	 * request would otherwise get every resource pushed again for each.
	 */
	static final int MAX_AUTHORITIES = 4;

	private final Set<String> authorities = new HashSet<>(4);

	private final Map<String, Boolean> keys = new LinkedHashMap<>(16, 0.75f, true);

	private final int maxEntries;

	private int characters;

	ConnectionPushRecord(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	/**
	 * Whether the connection may push for an authority: one it pushed for already, or a
	 * new one while there are fewer than {@link #MAX_AUTHORITIES}.
	 */
	boolean admits(String authority) {
		return this.authorities.contains(authority)
				|| (this.authorities.size() < MAX_AUTHORITIES && this.authorities.add(authority));
	}

	boolean contains(String key) {
		return this.keys.get(key) != null;
	}

	void add(String key) {
		if (key.length() > MAX_CHARACTERS || this.keys.put(key, Boolean.TRUE) != null) {
			return;
		}
		this.characters += key.length();
		var eldest = this.keys.keySet().iterator();
		while (this.keys.size() > this.maxEntries || this.characters > MAX_CHARACTERS) {
			this.characters -= eldest.next().length();
			eldest.remove();
		}
	}

	int size() {
		return this.keys.size();
	}

	int characters() {
		return this.characters;
	}

}
