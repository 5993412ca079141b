package io.github.h2push.undertow;

import java.security.PublicKey;
import java.security.cert.Certificate;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.github.h2push.undertow.TlsSessionInfoSharingHandler.ConnectionSessionInfo;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RenegotiationRequiredException;
import io.undertow.server.SSLSessionInfo;
import org.junit.jupiter.api.Test;
import org.xnio.SslClientAuthMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Tests for {@link TlsSessionInfoSharingHandler}'s record of a connection's TLS session;
 * {@code TlsSessionIntegrationTests} runs it over real HTTP/2 connections.
 */
class TlsSessionInfoSharingHandlerTests {

	@Test
	void findsThisUndertowsRecordOfAnHttp2TlsSession() {
		assertThat(TlsSessionInfoSharingHandler.isAvailable()).isTrue();
	}

	@Test
	void asksOnceAndAnswersEveryLaterRequestWithTheSameExceptionWithoutAClientCertificate() {
		CountingSession session = new CountingSession(null);
		ConnectionSessionInfo shared = new ConnectionSessionInfo(session);
		Throwable first = catchThrowable(shared::getPeerCertificates);
		assertThat(first).isInstanceOf(SSLPeerUnverifiedException.class);
		for (int i = 0; i < 3; i++) {
			assertThat(catchThrowable(shared::getPeerCertificates)).isSameAs(first);
		}
		assertThat(session.asked).hasValue(1);
	}

	@Test
	void answersWithTheClientsCertificatesAskedOnce() throws Exception {
		Certificate certificate = new TestCertificate();
		CountingSession session = new CountingSession(new Certificate[] { certificate });
		ConnectionSessionInfo shared = new ConnectionSessionInfo(session);
		Certificate[] first = shared.getPeerCertificates();
		first[0] = null;
		assertThat(shared.getPeerCertificates()).as("a copy each time").containsExactly(certificate);
		assertThat(session.asked).hasValue(1);
	}

	@Test
	void passesOnWhatItDoesNotKeep() {
		CountingSession session = new CountingSession(null);
		ConnectionSessionInfo shared = new ConnectionSessionInfo(session);
		assertThat(shared.getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
		assertThat(shared.getKeySize()).isEqualTo(128);
		assertThat(shared.getSessionId()).containsExactly(1, 2, 3);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> shared.renegotiate(null, SslClientAuthMode.REQUIRED));
	}

	private static final class TestCertificate extends Certificate {

		TestCertificate() {
			super("X.509");
		}

		@Override
		public byte[] getEncoded() {
			return new byte[0];
		}

		@Override
		public void verify(PublicKey key) {
		}

		@Override
		public void verify(PublicKey key, String sigProvider) {
		}

		@Override
		public String toString() {
			return "a client's certificate";
		}

		@Override
		public PublicKey getPublicKey() {
			return null;
		}

	}

	private static final class CountingSession implements SSLSessionInfo {

		private final Certificate[] certificates;

		private final AtomicInteger asked = new AtomicInteger();

		CountingSession(Certificate[] certificates) {
			this.certificates = certificates;
		}

		@Override
		public byte[] getSessionId() {
			return new byte[] { 1, 2, 3 };
		}

		@Override
		public String getCipherSuite() {
			return "TLS_AES_128_GCM_SHA256";
		}

		@Override
		public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
			this.asked.incrementAndGet();
			if (this.certificates == null) {
				// as the JDK answers: a new exception each time
				throw new SSLPeerUnverifiedException("peer not authenticated");
			}
			return this.certificates.clone();
		}

		@Override
		@Deprecated
		@SuppressWarnings("removal")
		public javax.security.cert.X509Certificate[] getPeerCertificateChain() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void renegotiate(HttpServerExchange exchange, SslClientAuthMode sslClientAuthMode) {
			throw new UnsupportedOperationException("renegotiation is not supported over HTTP/2");
		}

		@Override
		public SSLSession getSSLSession() {
			return null;
		}

	}

}
