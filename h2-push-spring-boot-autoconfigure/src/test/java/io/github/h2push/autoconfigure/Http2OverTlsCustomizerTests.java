package io.github.h2push.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Http2;
import org.springframework.boot.web.server.Ssl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Http2OverTlsCustomizer}, on a server other than Undertow.
 */
class Http2OverTlsCustomizerTests {

	@Test
	void turnsHttp2OnAndServesTheDevelopmentCertificateWithoutSslOfItsOwn() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new Http2OverTlsCustomizer(true, () -> DevelopmentCertificate.shared().getSslBundle()).customize(factory);
		assertThat(factory.getHttp2().isEnabled()).isTrue();
		assertThat(factory.getSsl().getBundle()).isEqualTo(DevelopmentCertificate.BUNDLE_NAME);
		assertThat(factory.getSslBundles().getBundle(DevelopmentCertificate.BUNDLE_NAME)).isNotNull();
	}

	@Test
	void keepsTheApplicationsKeyMaterialAndHttp2Settings() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		Ssl ssl = new Ssl();
		ssl.setBundle("mine");
		factory.setSsl(ssl);
		new Http2OverTlsCustomizer(false, () -> DevelopmentCertificate.shared().getSslBundle()).customize(factory);
		assertThat(factory.getSsl().getBundle()).isEqualTo("mine");
		assertThat(factory.getHttp2()).isNull();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void saysWhatHttp2TurnedOffMeans(CapturedOutput output) {
		new Http2OverTlsCustomizer(false, null).customize(new TomcatServletWebServerFactory());
		assertThat(output).contains("INFO")
			.contains("server.http2.enabled=false: the server speaks HTTP/1.1 only, so h2-push pushes nothing and "
					+ "sends no 103 Early Hints");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void saysNothingWhenHttp2IsOn(CapturedOutput output) {
		new Http2OverTlsCustomizer(true, null).customize(new TomcatServletWebServerFactory());
		assertThat(output).doesNotContain("server.http2.enabled=false");
	}

	@Test
	void keepsProtocolsConfiguredWithoutKeyMaterial() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		Ssl ssl = new Ssl();
		ssl.setEnabledProtocols(new String[] { "TLSv1.3" });
		factory.setSsl(ssl);
		Http2 http2 = new Http2();
		factory.setHttp2(http2);
		new Http2OverTlsCustomizer(true, () -> DevelopmentCertificate.shared().getSslBundle()).customize(factory);
		assertThat(factory.getSsl().getEnabledProtocols()).containsExactly("TLSv1.3");
		assertThat(factory.getSsl().getBundle()).isEqualTo(DevelopmentCertificate.BUNDLE_NAME);
		assertThat(factory.getHttp2()).isSameAs(http2);
		assertThat(http2.isEnabled()).isTrue();
	}

}
