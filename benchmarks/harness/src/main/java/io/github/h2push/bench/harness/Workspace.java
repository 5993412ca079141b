package io.github.h2push.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The run's temporary folder: one certificate every server uses, the document root every
 * server serves (the benchmark app's pages, the sample app's assets, P2's generated assets), the
 * peers' configurations and logs.
 */
final class Workspace {

	/** P2's assets: about 500 KB in six files. */
	static final Map<String, Integer> P2_ASSETS = Map.of("p2/style-1.css", 50 * 1024, "p2/style-2.css", 50 * 1024,
			"p2/lib-1.js", 100 * 1024, "p2/lib-2.js", 100 * 1024, "p2/lib-3.js", 100 * 1024, "p2/lib-4.js",
			100 * 1024);

	/** P6a's generated assets; with the sample's 13 KB font, about 120 KB of render-blocking resources. */
	static final Map<String, Integer> P6A_ASSETS = Map.of("p6a/style.css", 45 * 1024, "p6a/app.js", 60 * 1024);

	private final Path repo;

	private final Path dir;

	private final Path docroot;

	private final Path cert;

	private final Path key;

	private final boolean commentScripts;

	Workspace(Path repo, boolean commentScripts) throws IOException {
		this.repo = repo;
		this.commentScripts = commentScripts;
		this.dir = Files.createTempDirectory("h2-push-bench-");
		this.docroot = this.dir.resolve("docroot");
		this.cert = this.dir.resolve("cert.pem");
		this.key = this.dir.resolve("key.pem");
		Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		createCertificate();
		createDocroot();
	}

	Path repo() {
		return this.repo;
	}

	Path dir() {
		return this.dir;
	}

	Path docroot() {
		return this.docroot;
	}

	Path cert() {
		return this.cert;
	}

	Path key() {
		return this.key;
	}

	/** Bytes of P2's page and assets, for the transfer-time limit. */
	long p2Bytes() throws IOException {
		long total = Files.size(this.docroot.resolve("think.html"));
		for (String asset : P2_ASSETS.keySet()) {
			total += Files.size(this.docroot.resolve(asset));
		}
		return total;
	}

	/** The base64 SHA-256 of the certificate's public key, for Chromium's SPKI allowlist. */
	String spkiHash() throws IOException {
		try (InputStream in = Files.newInputStream(this.cert)) {
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(in);
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (CertificateException | NoSuchAlgorithmException ex) {
			throw new IOException(ex);
		}
	}

	/** Writes a peer's configuration from its template under {@code benchmarks/peers}. */
	Path render(String template, Map<String, String> values) throws IOException {
		String text = Files.readString(this.repo.resolve("benchmarks/peers").resolve(template));
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace("${" + value.getKey() + "}", value.getValue());
		}
		text = text.replace("${WORK}", this.dir.toString())
			.replace("${DOCROOT}", this.docroot.toString())
			.replace("${CERT}", this.cert.toString())
			.replace("${KEY}", this.key.toString());
		Path target = this.dir.resolve(template);
		Files.writeString(target, text);
		return target;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void createCertificate() throws IOException {
		Command.Result result = Command.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
				"-keyout", this.key.toString(), "-out", this.cert.toString(), "-days", "2", "-subj", "/CN=localhost",
				"-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"), 60);
		if (result.exitCode() != 0) {
			throw new IOException("openssl failed: " + result.output());
		}
		Files.setPosixFilePermissions(this.cert, PosixFilePermissions.fromString("rw-r--r--"));
	}

	private void createDocroot() throws IOException {
		Path app = this.repo.resolve("benchmarks/bench-app/src/main/resources");
		// the sample app's stylesheet, script and logo, as the sample page loads them
		Path statics = this.repo.resolve("sample-app/src/main/resources/static");
		try (Stream<Path> files = Files.walk(statics)) {
			for (Path source : (Iterable<Path>) files::iterator) {
				Path target = this.docroot.resolve(statics.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		for (String page : List.of("index.html", "think.html", "plain.html", "typical.html")) {
			Files.copy(app.resolve("pages").resolve(page), this.docroot.resolve(page));
		}
		Files.createDirectories(this.docroot.resolve("p2"));
		Files.createDirectories(this.docroot.resolve("p6a"));
		Map<String, Integer> assets = new java.util.HashMap<>(P2_ASSETS);
		assets.putAll(P6A_ASSETS);
		for (Map.Entry<String, Integer> asset : assets.entrySet()) {
			String content = generated(asset.getKey(), asset.getValue(), this.commentScripts);
			Files.writeString(this.docroot.resolve(asset.getKey()), content, StandardCharsets.US_ASCII);
		}
		try (Stream<Path> files = Files.walk(this.docroot)) {
			for (Path path : (Iterable<Path>) files::iterator) {
				Files.setPosixFilePermissions(path,
						PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
			}
		}
	}

	/**
	 * Deterministic, incompressible-enough text of the given size; a script is a comment
	 * only when {@code comment} is set.
	 */
	private static String generated(String name, int size, boolean comment) {
		Random random = new Random(name.hashCode());
		boolean css = name.endsWith(".css");
		StringBuilder text = new StringBuilder(size + 100);
		int i = 0;
		while ((css || !comment) && text.length() < size - 200) {
			if (css) {
				text.append(".c").append(i).append("-").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
					.append(" { margin: ").append(random.nextInt(64)).append("px; color: #")
					.append(String.format("%06x", random.nextInt(0xffffff))).append("; }\n");
			}
			else {
				text.append("function f").append(i).append("_").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
					.append("(a) { return a * ").append(random.nextInt(1000)).append(" + ")
					.append(random.nextInt(1000)).append("; }\n");
			}
			i++;
		}
		int padding = size - text.length() - "/*  */\n".length();
		text.append("/* ").append("-".repeat(padding)).append(" */\n");
		return text.toString();
	}

}
