package io.github.h2push.undertow;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

import org.springframework.lang.Nullable;

/**
 * A request's authority when, and only when, the whole value is a valid
 * {@code host[:port]} (RFC 3986): a DNS name, an IPv4 address or a bracketed IPv6
 * address, and an optional port up to 65535. Anything else ({@code host:port@other},
 * a path, a query, a space, an unclosed bracket, a port of a thousand digits) is not an
 * authority, and nothing is pushed for it.
 *
 * @param host the host, lower case, IPv6 in its RFC 5952 form without brackets
 * @param port the port, or -1 when the value has none
 */
record RequestAuthority(String host, int port) {

	private static final int MAX_HOST_LENGTH = 253;

	/**
	 * Parses an authority.
	 * @param value the {@code Host} header or {@code :authority}
	 * @return the authority, or {@code null} when the value is not a valid one
	 */
	@Nullable
	static RequestAuthority parse(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_HOST_LENGTH + 8) {
			return null;
		}
		String host;
		String rest;
		if (value.charAt(0) == '[') {
			int close = value.indexOf(']');
			if (close < 0) {
				return null;
			}
			host = value.substring(1, close);
			rest = value.substring(close + 1);
			InetAddress address = CertificateNames.literalAddress(host);
			if (!(address instanceof Inet6Address) || host.indexOf('%') >= 0) {
				return null;
			}
			host = canonicalIpv6(address.getAddress());
		}
		else {
			int colon = value.indexOf(':');
			host = (colon >= 0) ? value.substring(0, colon) : value;
			rest = (colon >= 0) ? value.substring(colon) : "";
			if (!isDnsNameOrIpv4(host)) {
				return null;
			}
		}
		int port = port(rest);
		return (port == -2) ? null : new RequestAuthority(host.toLowerCase(Locale.ROOT), port);
	}

	// -1: no port; -2: not a valid port
	private static int port(String rest) {
		if (rest.isEmpty() || rest.equals(":")) {
			return -1;
		}
		if (rest.charAt(0) != ':' || rest.length() > 6) {
			return -2;
		}
		int port = 0;
		for (int i = 1; i < rest.length(); i++) {
			char c = rest.charAt(i);
			if (c < '0' || c > '9') {
				return -2;
			}
			port = port * 10 + (c - '0');
		}
		return (port <= 65535) ? port : -2;
	}

	/**
	 * RFC 5952: lower case, no leading zeros, the first longest run of two or more zero
	 * groups as {@code ::}, so that one address has one key and one promised origin.
	 */
	private static String canonicalIpv6(byte[] address) {
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
		}
		int zerosStart = -1;
		int zerosLength = 1;
		for (int i = 0; i < 8; i++) {
			int end = i;
			while (end < 8 && groups[end] == 0) {
				end++;
			}
			if (end - i > zerosLength) {
				zerosStart = i;
				zerosLength = end - i;
			}
			i = Math.max(i, end - 1);
		}
		StringBuilder canonical = new StringBuilder(39);
		for (int i = 0; i < 8; i++) {
			if (i == zerosStart) {
				canonical.append("::");
				i += zerosLength - 1;
				continue;
			}
			if (!canonical.isEmpty() && canonical.charAt(canonical.length() - 1) != ':') {
				canonical.append(':');
			}
			canonical.append(Integer.toHexString(groups[i]));
		}
		return canonical.toString();
	}

	private static boolean isDnsNameOrIpv4(String host) {
		if (host.isEmpty() || host.length() > MAX_HOST_LENGTH || host.startsWith(".") || host.contains("..")) {
			return false;
		}
		for (int i = 0; i < host.length(); i++) {
			char c = host.charAt(i);
			boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			if (!letterOrDigit && c != '-' && c != '.' && c != '_') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The authority as a URL carries it: brackets around IPv6, the port when given.
	 * @return the canonical form
	 */
	@Override
	public String toString() {
		String name = (this.host.indexOf(':') >= 0) ? "[" + this.host + "]" : this.host;
		return (this.port >= 0) ? name + ":" + this.port : name;
	}

}
