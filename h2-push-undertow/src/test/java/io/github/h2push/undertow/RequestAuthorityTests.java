package io.github.h2push.undertow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestAuthority}.
 */
class RequestAuthorityTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			localhost                      | localhost               | localhost      | -1
			localhost:8443                 | localhost:8443          | localhost      | 8443
			LocalHost:8443                 | localhost:8443          | localhost      | 8443
			localhost:                     | localhost               | localhost      | -1
			WWW.Example.COM                | www.example.com         | www.example.com | -1
			my-host_1.example:1            | my-host_1.example:1     | my-host_1.example | 1
			127.0.0.1:65535                | 127.0.0.1:65535         | 127.0.0.1      | 65535
			127.0.0.1:0080                 | 127.0.0.1:80            | 127.0.0.1      | 80
			[::1]                          | [::1]                   | ::1            | -1
			[::1]:                         | [::1]                   | ::1            | -1
			[::1]:8443                     | [::1]:8443              | ::1            | 8443
			[2001:DB8::A]:443              | [2001:db8::a]:443       | 2001:db8::a    | 443
			[0:0:0:0:0:0:0:1]:8443         | [::1]:8443              | ::1            | 8443
			[2001:0DB8:0:0:0:0:0:000A]     | [2001:db8::a]           | 2001:db8::a    | -1
			[2001:db8:0:0:1:0:0:1]         | [2001:db8::1:0:0:1]     | 2001:db8::1:0:0:1 | -1
			[1:0:2:0:3:0:4:0]              | [1:0:2:0:3:0:4:0]       | 1:0:2:0:3:0:4:0 | -1
			[1:0:0:2:3:0:0:0]              | [1:0:0:2:3::]           | 1:0:0:2:3::    | -1
			[::]                           | [::]                    | ::             | -1
			""")
	void parsesAWholeHostAndPortIntoItsCanonicalForm(String value, String canonical, String host, int port) {
		RequestAuthority authority = RequestAuthority.parse(value);
		assertThat(authority).isNotNull();
		assertThat(authority.host()).isEqualTo(host);
		assertThat(authority.port()).isEqualTo(port);
		assertThat(authority).hasToString(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ":8443", "127.0.0.1:8443@evil.example", "user@localhost", "[::1]:8443@evil.example",
			"127.0.0.1:8443/evil", "127.0.0.1:8443?x", "127.0.0.1:8443#x", "127.0.0.1:8443 evil.example",
			" localhost", "localhost ", "localhost:65536", "localhost:99999", "localhost:-1", "localhost:+80",
			"localhost:8443:8443", "localhost:８０", "local\u00e9host", "local%41host", "localhost\r\nX: y", "[::1",
			"::1", "[::1]x", "[::1]8443", "[::1%lo]:8443", "[::1%25lo]", "[127.0.0.1]", "[]", "[example.com]",
			".localhost", "local..host", "*.example.com" })
	void refusesAnythingButAWholeHostAndPort(String value) {
		assertThat(RequestAuthority.parse(value)).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 7, 100, 7000 })
	void refusesALongPort(int digits) {
		assertThat(RequestAuthority.parse("localhost:" + "1".repeat(digits))).isNull();
		assertThat(RequestAuthority.parse("localhost:" + "0".repeat(digits) + "1")).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 254, 1000, 7000 })
	void refusesALongHost(int length) {
		assertThat(RequestAuthority.parse("a".repeat(length))).isNull();
		assertThat(RequestAuthority.parse("a".repeat(length) + ":443")).isNull();
	}

	@Test
	void refusesNoValue() {
		assertThat(RequestAuthority.parse(null)).isNull();
	}

}
