package io.github.h2push.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a self-signed X.509 v3 server certificate for an EC key, signed with
 * ECDSA-SHA256, in DER (RFC 5280), with the JDK's own security providers: a subject of
 * {@code CN} and {@code O}, subject alternative names (DNS names and IP addresses), basic
 * constraints marking it as no CA, and the server-authentication extended key usage.
 */
final class SelfSignedCertificate {

	private static final int INTEGER = 0x02;

	private static final int BIT_STRING = 0x03;

	private static final int OCTET_STRING = 0x04;

	private static final int OID = 0x06;

	private static final int UTF8_STRING = 0x0c;

	private static final int UTC_TIME = 0x17;

	private static final int GENERALIZED_TIME = 0x18;

	private static final int SEQUENCE = 0x30;

	private static final int SET = 0x31;

	private static final int VERSION = 0xa0;

	private static final int EXTENSIONS = 0xa3;

	private static final int DNS_NAME = 0x82;

	private static final int IP_ADDRESS = 0x87;

	private static final byte[] TRUE = { 0x01, 0x01, (byte) 0xff };

	private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

	private static final DateTimeFormatter UTC_TIME_FORMAT = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter GENERALIZED_TIME_FORMAT = DateTimeFormatter
		.ofPattern("yyyyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final Instant YEAR_1950 = Instant.parse("1950-01-01T00:00:00Z");

	private static final Instant YEAR_2050 = Instant.parse("2050-01-01T00:00:00Z");

	private SelfSignedCertificate() {
	}

	/**
	 * Creates the certificate.
	 * @param keyPair an EC key pair; the certificate holds its public key and is signed
	 * with its private key
	 * @param commonName the subject's and issuer's {@code CN}
	 * @param organization the subject's and issuer's {@code O}
	 * @param dnsNames the DNS names it is valid for
	 * @param addresses the IP addresses it is valid for
	 * @param serial the serial number, positive
	 * @param notBefore the start of its validity
	 * @param notAfter the end of its validity
	 * @return the certificate, as the JDK parsed it
	 * @throws IllegalArgumentException if the serial is not positive, a date is before
	 * 1950 or there is no name
	 * @throws GeneralSecurityException if signing or parsing fails
	 */
	static X509Certificate create(KeyPair keyPair, String commonName, String organization, List<String> dnsNames,
			List<InetAddress> addresses, BigInteger serial, Instant notBefore, Instant notAfter)
			throws GeneralSecurityException {
		if (serial.signum() <= 0 || notBefore.isBefore(YEAR_1950) || dnsNames.isEmpty() && addresses.isEmpty()) {
			throw new IllegalArgumentException("A certificate needs a positive serial, dates from 1950 and at least "
					+ "one DNS name or IP address");
		}
		byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
		byte[] name = sequence(rdn("2.5.4.3", commonName), rdn("2.5.4.10", organization));
		byte[] tbs = sequence(tlv(VERSION, tlv(INTEGER, new byte[] { 2 })), tlv(INTEGER, serial.toByteArray()),
				algorithm, name, sequence(time(notBefore), time(notAfter)), name, keyPair.getPublic().getEncoded(),
				tlv(EXTENSIONS, sequence(subjectAlternativeNames(dnsNames, addresses),
						extension("2.5.29.19", true, sequence()),
						extension("2.5.29.37", false, sequence(oid("1.3.6.1.5.5.7.3.1"))))));
		Signature signature = Signature.getInstance("SHA256withECDSA");
		signature.initSign(keyPair.getPrivate());
		signature.update(tbs);
		byte[] certificate = sequence(tbs, algorithm, bitString(signature.sign()));
		return (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(certificate));
	}

	private static byte[] subjectAlternativeNames(List<String> dnsNames, List<InetAddress> addresses) {
		ByteArrayOutputStream names = new ByteArrayOutputStream();
		for (String dnsName : dnsNames) {
			names.writeBytes(tlv(DNS_NAME, dnsName.getBytes(StandardCharsets.US_ASCII)));
		}
		for (InetAddress address : addresses) {
			names.writeBytes(tlv(IP_ADDRESS, address.getAddress()));
		}
		return extension("2.5.29.17", false, tlv(SEQUENCE, names.toByteArray()));
	}

	private static byte[] extension(String oid, boolean critical, byte[] value) {
		return critical ? sequence(oid(oid), TRUE, tlv(OCTET_STRING, value))
				: sequence(oid(oid), tlv(OCTET_STRING, value));
	}

	private static byte[] rdn(String type, String value) {
		return tlv(SET, sequence(oid(type), tlv(UTF8_STRING, value.getBytes(StandardCharsets.UTF_8))));
	}

	// RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050
	private static byte[] time(Instant instant) {
		return instant.isBefore(YEAR_2050)
				? tlv(UTC_TIME, UTC_TIME_FORMAT.format(instant).getBytes(StandardCharsets.US_ASCII))
				: tlv(GENERALIZED_TIME, GENERALIZED_TIME_FORMAT.format(instant).getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] bitString(byte[] bytes) {
		byte[] content = new byte[bytes.length + 1];
		System.arraycopy(bytes, 0, content, 1, bytes.length);
		return tlv(BIT_STRING, content);
	}

	static byte[] oid(String dotted) {
		String[] arcs = dotted.split("\\.");
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		base128(content, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
		for (int i = 2; i < arcs.length; i++) {
			base128(content, Long.parseLong(arcs[i]));
		}
		return tlv(OID, content.toByteArray());
	}

	private static void base128(ByteArrayOutputStream out, long value) {
		int groups = 1;
		while ((value >>> (7 * groups)) != 0) {
			groups++;
		}
		for (int group = groups - 1; group >= 0; group--) {
			int bits = (int) ((value >>> (7 * group)) & 0x7f);
			out.write((group > 0) ? (bits | 0x80) : bits);
		}
	}

	private static byte[] sequence(byte[]... elements) {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		for (byte[] element : elements) {
			content.writeBytes(element);
		}
		return tlv(SEQUENCE, content.toByteArray());
	}

	static byte[] tlv(int tag, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
			out.write(0x80 | bytes);
			for (int i = bytes - 1; i >= 0; i--) {
				out.write(length >>> (8 * i));
			}
		}
		out.writeBytes(content);
		return out.toByteArray();
	}

}
