package io.github.h2push.undertow;

import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;

/**
 * Decides whether this server is authoritative for a request's authority, so that a
 * spoofed {@code Host} or {@code :authority} cannot make it push for another origin:
 * an authority listed in {@code h2-push.authorities} (a {@code host} entry allows any
 * port), or else a name the server's TLS certificate covers (the port does not
 * matter: port mappings and proxies change it), or, without TLS, the connection's own
 * address or {@code localhost}.
 * <p>
 * The first refusal for each authority is logged at INFO, for a bounded number of
 * authorities, so a misconfiguration is visible without a client flooding the log.
 */
final class PushAuthorityRule {

	private static final Log logger = LogFactory.getLog(PushAuthorityRule.class);

	private static final int MAX_LOGGED = 32;

	private final Set<String> authorities;

	private final Set<String> logged = ConcurrentHashMap.newKeySet();

	PushAuthorityRule(List<String> authorities) {
		this.authorities = authorities.stream()
			.map((authority) -> authority.trim().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Why nothing may be pushed for the authority.
	 * @param authority the request's authority, already validated
	 * @param certificate the server certificate of the connection, {@code null} without
	 * TLS
	 * @param local the connection's local address
	 * @return the reason, or {@code null} when pushing for it is allowed
	 */
	@Nullable
	String refusal(RequestAuthority authority, @Nullable X509Certificate certificate, @Nullable InetAddress local) {
		String host = authority.host();
		if (!this.authorities.isEmpty()) {
			boolean listed = this.authorities.contains(host) || this.authorities.contains(authority.toString())
					|| this.authorities.contains("[" + host + "]");
			return listed ? null : refused(authority, "the request's authority is not listed in h2-push.authorities",
					null);
		}
		if (certificate != null) {
			CertificateNames names = CertificateNames.of(certificate);
			return names.covers(host) ? null
					: refused(authority, "the server's certificate does not cover the request's authority", names);
		}
		boolean ownAddress = local != null && CertificateNames.sameAddress(host, local);
		boolean localhost = host.equals("localhost") && local != null && local.isLoopbackAddress();
		return (ownAddress || localhost) ? null : refused(authority,
				"the request's authority is not this server's address; list it in h2-push.authorities to push for it",
				null);
	}

	private String refused(RequestAuthority authority, String reason, @Nullable CertificateNames names) {
		String key = authority.toString();
		if (logger.isInfoEnabled() && this.logged.size() < MAX_LOGGED && this.logged.add(key)) {
			logger.info("No push for authority '" + key + "': " + reason + " (certificate names: "
					+ ((names != null) ? names : "no certificate") + "; h2-push.authorities: " + this.authorities
					+ "); resources are hinted instead. This is logged once per authority"
					+ ((this.logged.size() == MAX_LOGGED) ? ", and for no further authorities" : ""));
		}
		return reason;
	}

}
