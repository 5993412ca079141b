package io.github.h2push.autoconfigure;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * A self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1},
 * generated in memory on first use, for serving HTTPS (and so HTTP/2) in development
 * when no SSL is configured. Test clients can trust it with
 * {@link #createClientSslContext()}.
 * <p>
 * The auto-configuration uses {@link #shared()}: one certificate per JVM, so that an
 * application restarted in the same JVM (spring-boot-devtools, or tests starting
 * several contexts) serves the same certificate and a browser's exception for it stays
 * valid. It is never written to disk: a private key left in a file by a library is a
 * hazard on shared machines and servers, and a stable certificate across runs is better
 * made on purpose (for example with mkcert) and configured with
 * {@code server.ssl.bundle}.
 *
 * @since 0.1.0
 */
public class DevelopmentCertificate {

	/**
	 * The name under which the certificate is registered as an SSL bundle.
	 */
	public static final String BUNDLE_NAME = "h2-push-development";

	static final String ALIAS = "h2-push";

	private static final Duration VALIDITY = Duration.ofDays(365);

	private static final DevelopmentCertificate SHARED = new DevelopmentCertificate();

	private volatile Generated generated;

	/**
	 * Creates a certificate of its own, generated on first use.
	 */
	public DevelopmentCertificate() {
	}

	/**
	 * The certificate of this JVM: the same instance, and so the same key and
	 * certificate, each time, across application restarts in the JVM.
	 * @return the shared certificate
	 */
	public static DevelopmentCertificate shared() {
		return SHARED;
	}

	/**
	 * The certificate.
	 * @return the certificate
	 */
	public X509Certificate getCertificate() {
		return generated().certificate();
	}

	/**
	 * A server SSL bundle holding the certificate and its private key.
	 * @return the bundle
	 */
	public SslBundle getSslBundle() {
		Generated generated = generated();
		SslStoreBundle stores = SslStoreBundle.of(generated.keyStore(), generated.password(), null);
		return SslBundle.of(stores, SslBundleKey.of(generated.password(), ALIAS));
	}

	/**
	 * Creates a client SSL context that trusts this certificate (and nothing else).
	 * @return the SSL context
	 */
	public SSLContext createClientSslContext() {
		try {
			KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
			trustStore.load(null, null);
			trustStore.setCertificateEntry(ALIAS, getCertificate());
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Could not create a client SSL context for the development certificate",
					ex);
		}
	}

	private Generated generated() {
		Generated result = this.generated;
		if (result == null) {
			synchronized (this) {
				result = this.generated;
				if (result == null) {
					result = generate();
					this.generated = result;
				}
			}
		}
		return result;
	}

	private static Generated generate() {
		try {
			SecureRandom random = new SecureRandom();
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"), random);
			KeyPair keyPair = generator.generateKeyPair();
			Instant now = Instant.now();
			X509Certificate certificate = SelfSignedCertificate.create(keyPair, "localhost",
					"h2-push development certificate", List.of("localhost"),
					List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")),
					new BigInteger(64, random).add(BigInteger.ONE), now.minus(Duration.ofDays(1)), now.plus(VALIDITY));
			byte[] passwordBytes = new byte[16];
			random.nextBytes(passwordBytes);
			String password = HexFormat.of().formatHex(passwordBytes);
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(null, null);
			keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), password.toCharArray(),
					new X509Certificate[] { certificate });
			return new Generated(certificate, keyStore, password);
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Could not generate the h2-push development certificate", ex);
		}
	}

	private record Generated(X509Certificate certificate, KeyStore keyStore, String password) {
	}

}
