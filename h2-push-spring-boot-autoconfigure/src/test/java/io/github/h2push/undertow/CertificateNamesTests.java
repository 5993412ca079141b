package io.github.h2push.undertow;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import io.github.h2push.autoconfigure.DevelopmentCertificate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CertificateNames}.
 */
class CertificateNamesTests {

	@Test
	void coversTheNamesAndAddressesOfTheDevelopmentCertificate() {
		CertificateNames names = CertificateNames.of(new DevelopmentCertificate().getCertificate());
		assertThat(names.covers("localhost")).isTrue();
		assertThat(names.covers("127.0.0.1")).isTrue();
		assertThat(names.covers("::1")).isTrue();
		assertThat(names.covers("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(names.covers("127.0.0.2")).isFalse();
		assertThat(names.covers("evil.example")).isFalse();
		assertThat(names.covers("localhost.evil.example")).isFalse();
	}

	@Test
	void matchesOneLabelWildcards() throws Exception {
		CertificateNames names = CertificateNames.of(certificate("CN=example.com",
				new GeneralName(GeneralName.dNSName, "*.example.com"),
				new GeneralName(GeneralName.dNSName, "example.com")));
		assertThat(names.covers("www.example.com")).isTrue();
		assertThat(names.covers("example.com")).isTrue();
		assertThat(names.covers("a.b.example.com")).isFalse();
		assertThat(names.covers(".example.com")).isFalse();
		assertThat(names.covers("wwwexample.com")).isFalse();
	}

	@Test
	void fallsBackToTheCommonNameWithoutAlternativeNames() throws Exception {
		CertificateNames names = CertificateNames.of(certificate("CN=app.example.org"));
		assertThat(names.covers("app.example.org")).isTrue();
		assertThat(names.covers("example.org")).isFalse();
	}

	@Test
	void neverLooksUpNames() throws Exception {
		assertThat(CertificateNames.literalAddress("localhost")).isNull();
		assertThat(CertificateNames.literalAddress("example.com")).isNull();
		assertThat(CertificateNames.literalAddress("1.2.3.4.5")).isNull();
		assertThat(CertificateNames.literalAddress("999.1.1.1")).isNull();
		assertThat(CertificateNames.literalAddress("g:evil.example")).isNull();
		assertThat(CertificateNames.literalAddress("1.2.3")).isNull();
		assertThat(CertificateNames.literalAddress("10.0.0.1")).isEqualTo(InetAddress.getByName("10.0.0.1"));
		assertThat(CertificateNames.literalAddress("::1")).isEqualTo(InetAddress.getByName("::1"));
	}

	private static X509Certificate certificate(String subject, GeneralName... alternativeNames) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair keyPair = generator.generateKeyPair();
		X500Name name = new X500Name(subject);
		Instant now = Instant.now();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
				Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name,
				keyPair.getPublic());
		if (alternativeNames.length > 0) {
			builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames));
		}
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
	}

}
