package io.github.h2push.undertow;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.boot.web.server.Ssl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UndertowHttp2Customizer}: when the ALPN check needs an SSL engine.
 */
class UndertowHttp2CustomizerTests {

	private static final SslBundle GENERATED = new DevelopmentCertificate().getSslBundle();

	@Test
	void nothingConfiguredNeedsNoCheck() {
		Ssl ssl = new Ssl();
		ssl.setCertificate("classpath:server.crt");
		assertThat(UndertowHttp2Customizer.protocolsOrCiphersConfigured(ssl, null)).isFalse();
	}

	@Test
	void serverSslCiphersOrProtocolsAreChecked() {
		Ssl ciphers = new Ssl();
		ciphers.setCiphers(new String[] { "TLS_AES_128_GCM_SHA256" });
		Ssl protocols = new Ssl();
		protocols.setEnabledProtocols(new String[] { "TLSv1.3" });
		assertThat(UndertowHttp2Customizer.protocolsOrCiphersConfigured(ciphers, null)).isTrue();
		assertThat(UndertowHttp2Customizer.protocolsOrCiphersConfigured(protocols, null)).isTrue();
	}

	@Test
	void aBundleIsCheckedWhenItsOptionsNameCiphersOrProtocols() {
		SslBundle withCiphers = SslBundle.of(GENERATED.getStores(), GENERATED.getKey(),
				SslOptions.of(new String[] { "TLS_AES_128_GCM_SHA256" }, null));
		DefaultSslBundleRegistry registry = new DefaultSslBundleRegistry();
		registry.registerBundle("plain", GENERATED);
		registry.registerBundle("restricted", withCiphers);
		Ssl plain = new Ssl();
		plain.setBundle("plain");
		Ssl restricted = new Ssl();
		restricted.setBundle("restricted");
		assertThat(UndertowHttp2Customizer.protocolsOrCiphersConfigured(plain, registry)).isFalse();
		assertThat(UndertowHttp2Customizer.protocolsOrCiphersConfigured(restricted, registry)).isTrue();
	}

}
