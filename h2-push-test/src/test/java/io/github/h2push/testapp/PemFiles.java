package io.github.h2push.testapp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;

import io.github.h2push.autoconfigure.DevelopmentCertificate;

import org.springframework.boot.ssl.SslBundle;

/**
 * A newly generated certificate and its private key, written as PEM files
 * {@code name.crt} and {@code name.key}, for servers and proxies in TLS tests.
 *
 * @param certificate the certificate file
 * @param key the private key file
 * @param x509 the certificate
 */
public record PemFiles(Path certificate, Path key, X509Certificate x509) {

	/**
	 * Generates a certificate for localhost, 127.0.0.1 and ::1 and writes it.
	 * @param directory where to write
	 * @param name the file name without extension
	 * @return the files
	 * @throws Exception when generating or writing fails
	 */
	public static PemFiles generate(Path directory, String name) throws Exception {
		SslBundle generated = new DevelopmentCertificate().getSslBundle();
		X509Certificate certificate = certificateOf(generated);
		return new PemFiles(write(directory.resolve(name + ".crt"), pem("CERTIFICATE", certificate.getEncoded())),
				write(directory.resolve(name + ".key"), pem("PRIVATE KEY", privateKeyOf(generated).getEncoded())),
				certificate);
	}

	/**
	 * Writes the certificate followed by its key into one file, the form HAProxy's
	 * {@code crt} takes.
	 * @param file the file to write
	 * @return the file
	 * @throws Exception when reading or writing fails
	 */
	public Path writeCombined(Path file) throws Exception {
		return write(file, Files.readString(this.certificate) + Files.readString(this.key));
	}

	/**
	 * The certificate of a bundle made by {@link DevelopmentCertificate}.
	 * @param bundle the bundle
	 * @return the certificate
	 * @throws Exception when the key store cannot be read
	 */
	public static X509Certificate certificateOf(SslBundle bundle) throws Exception {
		return (X509Certificate) bundle.getStores().getKeyStore().getCertificate(alias(bundle));
	}

	/**
	 * The private key of a bundle made by {@link DevelopmentCertificate}.
	 * @param bundle the bundle
	 * @return the key
	 * @throws Exception when the key store cannot be read
	 */
	public static PrivateKey privateKeyOf(SslBundle bundle) throws Exception {
		return (PrivateKey) bundle.getStores()
			.getKeyStore()
			.getKey(alias(bundle), bundle.getKey().getPassword().toCharArray());
	}

	private static String alias(SslBundle bundle) {
		return bundle.getKey().getAlias();
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(der) + "\n-----END " + type + "-----\n";
	}

	private static Path write(Path file, String content) throws Exception {
		return Files.writeString(file, content);
	}

}
