package io.github.h2push.undertow;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The origins and paths pushed on one connection, least recently pushed dropped first,
 * bounded both in entries and in characters so that a client cannot make it large.
 * Read and written only under the connection's monitor.
 */
final class ConnectionPushRecord {

	/**
	 * The most characters of keys one connection keeps.
	 */
	static final int MAX_CHARACTERS = 32 * 1024;

	private final Map<String, Boolean> keys = new LinkedHashMap<>(16, 0.75f, true);

	private final int maxEntries;

	private int characters;

	ConnectionPushRecord(int maxEntries) {
		this.maxEntries = maxEntries;
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
