package io.github.h2push.undertow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.x500.X500Principal;

import org.springframework.lang.Nullable;

/**
 * The host names and addresses a server certificate covers (its subject alternative
 * names, or its common name when it has none), with one-label {@code *.} wildcards.
 * Parsed once per certificate; the cache holds at most {@value #CACHE_LIMIT}
 * certificates.
 */
final class CertificateNames {

	private static final int CACHE_LIMIT = 16;

	private static final Map<X509Certificate, CertificateNames> cache = new ConcurrentHashMap<>();

	private final List<String> dnsNames;

	private final List<InetAddress> addresses;

	private CertificateNames(List<String> dnsNames, List<InetAddress> addresses) {
		this.dnsNames = dnsNames;
		this.addresses = addresses;
	}

	static CertificateNames of(X509Certificate certificate) {
		CertificateNames names = cache.get(certificate);
		if (names == null) {
			if (cache.size() >= CACHE_LIMIT) {
				cache.clear();
			}
			names = parse(certificate);
			cache.put(certificate, names);
		}
		return names;
	}

	boolean covers(String host) {
		InetAddress address = literalAddress(host);
		if (address != null) {
			return this.addresses.contains(address);
		}
		for (String name : this.dnsNames) {
			if (name.equals(host)) {
				return true;
			}
			if (name.startsWith("*.") && host.indexOf('.') > 0 && host.endsWith(name.substring(1))
					&& host.indexOf('.') == host.length() - name.length() + 1) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		List<String> names = new java.util.ArrayList<>(this.dnsNames);
		this.addresses.forEach((address) -> names.add(address.getHostAddress()));
		return names.toString();
	}

	static boolean sameAddress(String host, InetAddress address) {
		return address.equals(literalAddress(host));
	}

	/**
	 * Parses an IP literal without any name lookup.
	 */
	@Nullable
	static InetAddress literalAddress(String host) {
		if (host.indexOf(':') >= 0) {
			// hex digits, ':' and '.' only: the JDK parses these as an IPv6 literal or
			// rejects them, and never falls back to a name lookup
			for (int i = 0; i < host.length(); i++) {
				if (Character.digit(host.charAt(i), 16) < 0 && host.charAt(i) != ':' && host.charAt(i) != '.') {
					return null;
				}
			}
			try {
				return InetAddress.getByName(host);
			}
			catch (UnknownHostException | SecurityException ex) {
				return null;
			}
		}
		return ipv4(host);
	}

	@Nullable
	private static InetAddress ipv4(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length != 4) {
			return null;
		}
		byte[] address = new byte[4];
		for (int i = 0; i < 4; i++) {
			String part = parts[i];
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch((c) -> c >= '0' && c <= '9')) {
				return null;
			}
			int value = Integer.parseInt(part);
			if (value > 255) {
				return null;
			}
			address[i] = (byte) value;
		}
		try {
			return InetAddress.getByAddress(address);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static CertificateNames parse(X509Certificate certificate) {
		List<String> dnsNames = new ArrayList<>();
		List<InetAddress> addresses = new ArrayList<>();
		Collection<List<?>> alternativeNames;
		try {
			alternativeNames = certificate.getSubjectAlternativeNames();
		}
		catch (CertificateParsingException ex) {
			alternativeNames = null;
		}
		if (alternativeNames != null) {
			for (List<?> name : alternativeNames) {
				Object type = name.get(0);
				Object value = name.get(1);
				if (Integer.valueOf(2).equals(type) && value instanceof String dns) {
					dnsNames.add(dns.toLowerCase(Locale.ROOT));
				}
				else if (Integer.valueOf(7).equals(type) && value instanceof String ip) {
					InetAddress address = literalAddress(ip);
					if (address != null) {
						addresses.add(address);
					}
				}
			}
		}
		else {
			String commonName = commonName(certificate.getSubjectX500Principal());
			if (commonName != null) {
				dnsNames.add(commonName.toLowerCase(Locale.ROOT));
			}
		}
		return new CertificateNames(List.copyOf(dnsNames), List.copyOf(addresses));
	}

	@Nullable
	private static String commonName(X500Principal principal) {
		for (String part : principal.getName(X500Principal.RFC2253).split(",")) {
			if (part.startsWith("CN=")) {
				return part.substring(3);
			}
		}
		return null;
	}

}
