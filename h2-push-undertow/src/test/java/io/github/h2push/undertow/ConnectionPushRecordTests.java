package io.github.h2push.undertow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConnectionPushRecord}.
 */
class ConnectionPushRecordTests {

	@Test
	void remembersWhatWasAdded() {
		ConnectionPushRecord record = new ConnectionPushRecord(4);
		record.add("localhost:8443/a.css");
		record.add("localhost:8443/a.css");
		assertThat(record.contains("localhost:8443/a.css")).isTrue();
		assertThat(record.contains("localhost:8443/b.css")).isFalse();
		assertThat(record.size()).isOne();
		assertThat(record.characters()).isEqualTo("localhost:8443/a.css".length());
	}

	@Test
	void forgetsTheLeastRecentlyUsedBeyondItsEntries() {
		ConnectionPushRecord record = new ConnectionPushRecord(3);
		record.add("/a");
		record.add("/b");
		record.add("/c");
		assertThat(record.contains("/a")).isTrue();
		record.add("/d");
		assertThat(record.contains("/b")).as("least recently used").isFalse();
		assertThat(record.contains("/a")).isTrue();
		assertThat(record.contains("/c")).isTrue();
		assertThat(record.contains("/d")).isTrue();
		assertThat(record.size()).isEqualTo(3);
		assertThat(record.characters()).isEqualTo(6);
	}

	@Test
	void staysWithinItsCharactersWhateverTheKeys() {
		ConnectionPushRecord record = new ConnectionPushRecord(256);
		String authority = "a".repeat(250) + ":443";
		for (int i = 0; i < 1000; i++) {
			record.add(authority + "/" + "p".repeat(7000) + i);
			assertThat(record.characters()).isLessThanOrEqualTo(ConnectionPushRecord.MAX_CHARACTERS);
		}
		assertThat(record.size()).isBetween(1, ConnectionPushRecord.MAX_CHARACTERS / 7000);
		assertThat(record.contains(authority + "/" + "p".repeat(7000) + 999)).isTrue();
		assertThat(record.contains(authority + "/" + "p".repeat(7000) + 0)).isFalse();
	}

	@Test
	void countsTheCharactersItHoldsExactly() {
		ConnectionPushRecord record = new ConnectionPushRecord(2);
		for (int i = 0; i < 100; i++) {
			record.add("/" + "x".repeat(i));
		}
		assertThat(record.size()).isEqualTo(2);
		assertThat(record.characters()).isEqualTo((1 + 98) + (1 + 99));
	}

	@Test
	void doesNotKeepAKeyLargerThanItsCharacters() {
		ConnectionPushRecord record = new ConnectionPushRecord(256);
		record.add("/small");
		record.add("/" + "x".repeat(ConnectionPushRecord.MAX_CHARACTERS));
		assertThat(record.size()).isOne();
		assertThat(record.contains("/small")).isTrue();
		assertThat(record.characters()).isEqualTo(6);
	}

	@Test
	void admitsAFewAuthoritiesAndNoMore() {
		ConnectionPushRecord record = new ConnectionPushRecord(16);
		for (int port = 1; port <= ConnectionPushRecord.MAX_AUTHORITIES; port++) {
			assertThat(record.admits("localhost:" + port)).isTrue();
		}
		assertThat(record.admits("localhost:" + (ConnectionPushRecord.MAX_AUTHORITIES + 1))).isFalse();
		assertThat(record.admits("localhost:1")).isTrue();
	}

}
