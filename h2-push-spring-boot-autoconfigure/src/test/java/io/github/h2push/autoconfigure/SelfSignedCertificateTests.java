package io.github.h2push.autoconfigure;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SelfSignedCertificate}, read back by the JDK and by BouncyCastle.
 */
class SelfSignedCertificateTests {

	private static final Instant NOT_BEFORE = Instant.parse("2026-11-30T10:15:30Z");

	private static final Instant NOT_AFTER = Instant.parse("2027-11-30T10:15:30Z");

	@Test
	void isAValidSelfSignedServerCertificate() throws Exception {
		KeyPair keyPair = keyPair();
		X509Certificate certificate = SelfSignedCertificate.create(keyPair, "localhost", "Example development",
				List.of("localhost", "app.test"),
				List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")), BigInteger.valueOf(4242),
				NOT_BEFORE, NOT_AFTER);
		certificate.verify(keyPair.getPublic());
		assertThat(certificate.getVersion()).isEqualTo(3);
		assertThat(certificate.getSerialNumber()).isEqualTo(4242);
		assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("O=Example development,CN=localhost");
		assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
		assertThat(certificate.getNotBefore().toInstant()).isEqualTo(NOT_BEFORE);
		assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOT_AFTER);
		assertThat(certificate.getPublicKey()).isEqualTo(keyPair.getPublic());
		assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
		assertThat(certificate.getCriticalExtensionOIDs()).containsExactly("2.5.29.19");
		assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
		List<String> names = new ArrayList<>();
		for (List<?> name : certificate.getSubjectAlternativeNames()) {
			names.add(name.get(0) + ":" + name.get(1));
		}
		assertThat(names).containsExactly("2:localhost", "2:app.test", "7:127.0.0.1", "7:0:0:0:0:0:0:0:1");
	}

	@Test
	void isReadTheSameByAnIndependentParser() throws Exception {
		KeyPair keyPair = keyPair();
		X509Certificate certificate = SelfSignedCertificate.create(keyPair, "localhost", "Example development",
				List.of("localhost"), List.of(InetAddress.getByName("::1")), new BigInteger("9223372036854775809"),
				NOT_BEFORE, NOT_AFTER);
		X509CertificateHolder holder = new JcaX509CertificateHolder(certificate);
		assertThat(holder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(keyPair.getPublic())))
			.isTrue();
		assertThat(holder.getEncoded()).isEqualTo(certificate.getEncoded());
		GeneralNames names = GeneralNames.fromExtensions(holder.getExtensions(), Extension.subjectAlternativeName);
		assertThat(names.getNames()).extracting(GeneralName::getTagNo)
			.containsExactly(GeneralName.dNSName, GeneralName.iPAddress);
		assertThat(holder.getExtension(Extension.basicConstraints).isCritical()).isTrue();
	}

	@Test
	void writesDatesFrom2050AsGeneralizedTime() throws Exception {
		Instant notAfter = Instant.parse("2051-06-01T00:00:00Z");
		X509Certificate certificate = SelfSignedCertificate.create(keyPair(), "localhost", "Example",
				List.of("localhost"), Collections.emptyList(), BigInteger.ONE, NOT_BEFORE, notAfter);
		assertThat(certificate.getNotAfter().toInstant()).isEqualTo(notAfter);
	}

	@Test
	void rejectsWhatItCannotWriteCorrectly() throws Exception {
		KeyPair keyPair = keyPair();
		List<String> names = List.of("localhost");
		assertThatIllegalArgumentException().isThrownBy(() -> SelfSignedCertificate.create(keyPair, "localhost",
				"Example", List.of(), List.of(), BigInteger.ONE, NOT_BEFORE, NOT_AFTER));
		assertThatIllegalArgumentException().isThrownBy(() -> SelfSignedCertificate.create(keyPair, "localhost",
				"Example", names, List.of(), BigInteger.ZERO, NOT_BEFORE, NOT_AFTER));
		assertThatIllegalArgumentException().isThrownBy(() -> SelfSignedCertificate.create(keyPair, "localhost",
				"Example", names, List.of(), BigInteger.ONE, Instant.parse("1949-12-31T23:59:59Z"), NOT_AFTER));
	}

	@Test
	void writesLongLengthsInLongForm() {
		assertThat(SelfSignedCertificate.tlv(0x04, new byte[5])).startsWith(0x04, 5);
		assertThat(SelfSignedCertificate.tlv(0x04, new byte[200])).startsWith(0x04, 0x81, 200 - 256);
		assertThat(SelfSignedCertificate.tlv(0x04, new byte[300])).startsWith(0x04, 0x82, 1, 44).hasSize(304);
	}

	@Test
	void encodesObjectIdentifiers() {
		assertThat(SelfSignedCertificate.oid("1.2.840.10045.4.3.2")).containsExactly(0x06, 0x08, 0x2a, 0x86 - 256,
				0x48, 0xce - 256, 0x3d, 0x04, 0x03, 0x02);
	}

	private static KeyPair keyPair() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

}
