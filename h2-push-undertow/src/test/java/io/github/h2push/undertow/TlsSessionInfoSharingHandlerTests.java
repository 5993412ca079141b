package io.github.h2push.undertow;

import java.security.PublicKey;
import java.security.cert.Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.github.h2push.undertow.TlsSessionInfoSharingHandler.ConnectionSessionInfo;
import io.undertow.server.BasicSSLSessionInfo;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RenegotiationRequiredException;
import io.undertow.server.SSLSessionInfo;
import io.undertow.server.ServerConnection;
import org.junit.jupiter.api.Test;
import org.xnio.SslClientAuthMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link TlsSessionInfoSharingHandler}: its record of a connection's TLS
 * session, and the records it leaves alone; {@code TlsSessionIntegrationTests} runs it
 * over real HTTP/2 connections.
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
	void asksAgainWhenTheConnectionsTlsSessionChanges() throws Exception {
		CountingSession session = new CountingSession(null);
		ConnectionSessionInfo shared = new ConnectionSessionInfo(session);
		Throwable first = catchThrowable(shared::getPeerCertificates);
		// a renegotiation, which HTTP/2 forbids and the JDK does not refuse, makes a new session
		Certificate certificate = new TestCertificate();
		session.renegotiated(new Certificate[] { certificate });
		assertThat(shared.getPeerCertificates()).containsExactly(certificate);
		assertThat(first).isInstanceOf(SSLPeerUnverifiedException.class);
		assertThat(session.asked).hasValue(2);
	}

	@Test
	void asksForTheClientsCertificatesEachTimeWhenItSentSome() throws Exception {
		Certificate certificate = new TestCertificate();
		CountingSession session = new CountingSession(new Certificate[] { certificate });
		ConnectionSessionInfo shared = new ConnectionSessionInfo(session);
		assertThat(shared.getPeerCertificates()).containsExactly(certificate);
		assertThat(shared.getPeerCertificates()).containsExactly(certificate);
		assertThat(session.asked).hasValue(2);
	}

	@Test
	void passesOnWhatItDoesNotKeep() {
		CountingSession session = new CountingSession(null);
		ConnectionSessionInfo shared = new ConnectionSessionInfo(session);
		assertThat(shared.getCipherSuite()).isEqualTo("TLS_AES_128_GCM_SHA256");
		assertThat(shared.getKeySize()).isEqualTo(128);
		assertThat(shared.getSessionId()).containsExactly(1, 2, 3);
		assertThat(shared.getSSLSession()).isSameAs(session.getSSLSession());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> shared.renegotiate(null, SslClientAuthMode.REQUIRED));
	}

	@Test
	void leavesARecordAHandlerBeforeItSetAsItIs() throws Exception {
		SSLSessionInfo fromProxy = new BasicSSLSessionInfo(new byte[] { 1 }, "TLS_AES_128_GCM_SHA256", null);
		assertThat(recordAfterTheHandler(fromProxy)).isSameAs(fromProxy);
	}

	@Test
	void leavesAConnectionWithoutTlsAsItIs() throws Exception {
		assertThat(recordAfterTheHandler(null)).isNull();
	}

	// the record the next handler sees, on a connection that had this one
	private static SSLSessionInfo recordAfterTheHandler(SSLSessionInfo record) throws Exception {
		ServerConnection connection = mock(ServerConnection.class);
		given(connection.getSslSessionInfo()).willReturn(record);
		HttpServerExchange exchange = new HttpServerExchange(connection);
		AtomicReference<SSLSessionInfo> seen = new AtomicReference<>();
		new TlsSessionInfoSharingHandler((next) -> seen.set(next.getConnection().getSslSessionInfo()))
			.handleRequest(exchange);
		verify(connection, never()).setSslSessionInfo(any());
		return seen.get();
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

		private final AtomicInteger asked = new AtomicInteger();

		private Certificate[] certificates;

		private SSLSession session = mock(SSLSession.class);

		CountingSession(Certificate[] certificates) {
			this.certificates = certificates;
		}

		void renegotiated(Certificate[] certificates) {
			this.certificates = certificates;
			this.session = mock(SSLSession.class);
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
			return this.session;
		}

	}

}
