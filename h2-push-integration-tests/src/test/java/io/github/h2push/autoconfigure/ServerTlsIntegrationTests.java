package io.github.h2push.autoconfigure;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.h2push.test.PushClient;
import io.github.h2push.testapp.PemFiles;
import io.github.h2push.testapp.PushTestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * How the server is exposed: HTTP/2 over TLS with the development certificate or a
 * configured one, h2c without TLS, and clear failures for TLS misconfiguration.
 */
class ServerTlsIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void servesHttp2OverTlsWithTheGeneratedDevelopmentCertificate() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			DevelopmentCertificate certificate = context.getBean(DevelopmentCertificate.class);
			HttpResponse<String> response = get(client(certificate.createClientSslContext()), "https", context);
			assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(response.body()).isEqualTo("plain");
			X509Certificate served = (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
			assertThat(served).isEqualTo(certificate.getCertificate());
		}
	}

	@Test
	void servesTheSameDevelopmentCertificateAfterARestartInTheSameJvm() throws Exception {
		Certificate before;
		try (ConfigurableApplicationContext context = start()) {
			SSLContext trust = context.getBean(DevelopmentCertificate.class).createClientSslContext();
			before = get(client(trust), "https", context).sslSession().orElseThrow().getPeerCertificates()[0];
		}
		try (ConfigurableApplicationContext context = start()) {
			HttpResponse<String> response = get(client(trusting((X509Certificate) before)), "https", context);
			assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(before);
		}
	}

	@Test
	void servesAConfiguredSslBundleInsteadOfTheDevelopmentCertificate() throws Exception {
		PemFiles pem = PemFiles.generate(this.directory, "server");
		X509Certificate certificate = pem.x509();
		try (ConfigurableApplicationContext context = start("server.ssl.bundle=test",
				"spring.ssl.bundle.pem.test.keystore.certificate=file:" + pem.certificate(),
				"spring.ssl.bundle.pem.test.keystore.private-key=file:" + pem.key())) {
			HttpResponse<String> response = get(client(trusting(certificate)), "https", context);
			assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(certificate);
		}
	}

	@Test
	void pushClientTrustsTheServersSslBundle() throws Exception {
		PemFiles pem = PemFiles.generate(this.directory, "server");
		try (ConfigurableApplicationContext context = start("server.ssl.bundle=test",
				"spring.ssl.bundle.pem.test.keystore.certificate=file:" + pem.certificate(),
				"spring.ssl.bundle.pem.test.keystore.private-key=file:" + pem.key())) {
			assertThat(context.getBeansOfType(DevelopmentCertificate.class)).isEmpty();
			PushClient client = PushClient.trusting(context.getBean(SslBundles.class).getBundle("test"));
			PushClient.Exchange page = client.get(uri(context, "/page"), "Accept", "text/html");
			assertThat(page.response().version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(page.pushedPaths()).isNotEmpty();
		}
	}

	@Test
	void pushClientTrustsTheServersKeyStore() throws Exception {
		SslBundle generated = new DevelopmentCertificate().getSslBundle();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(null, null);
		keyStore.setKeyEntry("server", PemFiles.privateKeyOf(generated), "secret".toCharArray(),
				new Certificate[] { PemFiles.certificateOf(generated) });
		Path file = this.directory.resolve("server.p12");
		try (OutputStream out = Files.newOutputStream(file)) {
			keyStore.store(out, "secret".toCharArray());
		}
		try (ConfigurableApplicationContext context = start("server.ssl.key-store=file:" + file,
				"server.ssl.key-store-password=secret")) {
			KeyStore serverKeyStore = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(file)) {
				serverKeyStore.load(in, "secret".toCharArray());
			}
			PushClient.Exchange page = PushClient.trusting(serverKeyStore)
				.get(uri(context, "/page"), "Accept", "text/html");
			assertThat(page.response().version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(page.pushedPaths()).isNotEmpty();
		}
	}

	@Test
	void servesH2cWhenTheDevelopmentCertificateIsOff() throws Exception {
		try (ConfigurableApplicationContext context = start("h2-push.ssl.self-signed=false")) {
			assertThat(context.getBeansOfType(DevelopmentCertificate.class)).isEmpty();
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
			HttpResponse<String> upgraded = get(client, "http", context);
			assertThat(upgraded.version()).isEqualTo(HttpClient.Version.HTTP_2);
			assertThat(upgraded.body()).isEqualTo("plain");
			PushClient.PageLoad page = PushClient.plain()
				.navigate(uri(context, "/page").replace("https://", "http://"));
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.earlyHintedPaths()).isNotEmpty();
		}
	}

	@Test
	void respectsHttp2TurnedOffExplicitly() throws Exception {
		try (ConfigurableApplicationContext context = start("server.http2.enabled=false")) {
			DevelopmentCertificate certificate = context.getBean(DevelopmentCertificate.class);
			HttpResponse<String> response = get(client(certificate.createClientSslContext()), "https", context);
			assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
		}
	}

	@Test
	void failsStartupWhenTheKeyStoreIsMissing() {
		Path missing = this.directory.resolve("missing.p12");
		assertThatException().isThrownBy(() -> start("server.ssl.key-store=file:" + missing,
				"server.ssl.key-store-password=secret"))
			.satisfies((ex) -> assertThat(messages(ex)).contains(missing.toString()));
	}

	@Test
	void failsStartupWhenTheKeyStorePasswordIsWrong() throws Exception {
		SslBundle generated = new DevelopmentCertificate().getSslBundle();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(null, null);
		keyStore.setKeyEntry("server", PemFiles.privateKeyOf(generated), "right".toCharArray(),
				new Certificate[] { PemFiles.certificateOf(generated) });
		Path file = this.directory.resolve("server.p12");
		try (OutputStream out = Files.newOutputStream(file)) {
			keyStore.store(out, "right".toCharArray());
		}
		assertThatException()
			.isThrownBy(() -> start("server.ssl.key-store=file:" + file, "server.ssl.key-store-password=wrong"))
			.satisfies((ex) -> assertThat(messages(ex)).contains(file.toString()).containsIgnoringCase("password"));
	}

	@Test
	void failsStartupWhenTlsSettingsWouldSilentlyDisableHttp2() throws Exception {
		PemFiles pem = PemFiles.generate(this.directory, "server");
		assertThatException()
			.isThrownBy(() -> start("server.ssl.certificate=file:" + pem.certificate(),
					"server.ssl.certificate-private-key=file:" + pem.key(), "server.ssl.ciphers=TLS_AES_128_GCM_SHA256"))
			.satisfies((ex) -> assertThat(messages(ex)).contains("silently serve HTTP/1.1")
				.contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
				.contains("server.ssl.ciphers"));
	}

	@Test
	void failsStartupWhenTheBundlesOptionsWouldSilentlyDisableHttp2() throws Exception {
		PemFiles pem = PemFiles.generate(this.directory, "bundle");
		assertThatException()
			.isThrownBy(() -> start("spring.ssl.bundle.pem.web.keystore.certificate=file:" + pem.certificate(),
					"spring.ssl.bundle.pem.web.keystore.private-key=file:" + pem.key(),
					"spring.ssl.bundle.pem.web.options.enabled-protocols=TLSv1.1", "server.ssl.bundle=web"))
			.satisfies((ex) -> assertThat(messages(ex)).contains("silently serve HTTP/1.1")
				.contains("Enabled protocols: [TLSv1.1]"));
	}

	private ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(PushTestApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0")
			.properties(properties)
			.run();
	}

	private static HttpResponse<String> get(HttpClient client, String scheme, ConfigurableApplicationContext context)
			throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		URI uri = URI.create(scheme + "://localhost:" + port + "/plain");
		return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String uri(ConfigurableApplicationContext context, String path) {
		return "https://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort() + path;
	}

	private static HttpClient client(SSLContext sslContext) {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(sslContext).build();
	}

	private static SSLContext trusting(X509Certificate certificate) throws Exception {
		KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
		trustStore.load(null, null);
		trustStore.setCertificateEntry("server", certificate);
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trustStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

	private static String messages(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable current = ex; current != null; current = current.getCause()) {
			messages.append(current.getMessage()).append('\n');
		}
		return messages.toString();
	}

}
