package io.github.h2push.undertow;

import java.io.IOException;
import java.security.cert.Certificate;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RenegotiationRequiredException;
import io.undertow.server.SSLSessionInfo;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import io.undertow.util.AttachmentKey;
import org.xnio.SslClientAuthMode;

import org.springframework.lang.Nullable;

/**
 * Gives the requests of one HTTP/2 connection over TLS one {@link SSLSessionInfo}, which
 * remembers that the client sent no certificate. Undertow makes a new one for each
 * HTTP/2 request, and its servlet layer asks each for the client's certificates to set
 * the request's certificate attribute: without a client certificate, the JDK and
 * Undertow each made an exception with its stack trace, two for every request. Undertow
 * remembers that answer for an HTTP/1.1 connection. The answer is kept with the TLS
 * session it came from and asked again if the connection's session changes: HTTP/2
 * forbids renegotiation (RFC 9113 §9.2.1), but neither Undertow nor the JDK refuses it.
 * Certificates, when the client sent some, are asked for each time, as before: that
 * answer costs no exception.
 * <p>
 * Only Undertow's own session information is shared: one that a handler before this one
 * set for a request (from a proxy's headers, say) is left as it is.
 *
 * @since 0.1.0
 */
class TlsSessionInfoSharingHandler implements HttpHandler {

	private static final AttachmentKey<SSLSessionInfo> SHARED = AttachmentKey.create(SSLSessionInfo.class);

	// what Undertow makes for each HTTP/2 request over TLS; null if this Undertow has no such class
	@Nullable
	private static final Class<?> UNDERTOW_SESSION_INFO = undertowSessionInfo();

	private final HttpHandler next;

	/**
	 * Creates a handler.
	 * @param next the handler to call next
	 */
	TlsSessionInfoSharingHandler(HttpHandler next) {
		this.next = next;
	}

	@Override
	public void handleRequest(HttpServerExchange exchange) throws Exception {
		ServerConnection connection = exchange.getConnection();
		SSLSessionInfo info = connection.getSslSessionInfo();
		if (info != null && info.getClass() == UNDERTOW_SESSION_INFO) {
			// an HTTP/2 connection's attachments are its channel's, shared by its requests
			SSLSessionInfo shared = connection.getAttachment(SHARED);
			if (shared == null) {
				// two first requests at once may each make one: both answer alike
				shared = new ConnectionSessionInfo(info);
				connection.putAttachment(SHARED, shared);
			}
			connection.setSslSessionInfo(shared);
		}
		this.next.handleRequest(exchange);
	}

	/**
	 * Whether this Undertow makes the session information this handler shares.
	 * @return {@code false} when the handler would do nothing
	 */
	static boolean isAvailable() {
		return UNDERTOW_SESSION_INFO != null;
	}

	@Nullable
	private static Class<?> undertowSessionInfo() {
		try {
			return Class.forName("io.undertow.server.protocol.http2.Http2SslSessionInfo", false,
					Http2ServerConnection.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	/**
	 * A connection's TLS session as its requests see it, with the exception that said
	 * the client sent no certificate kept for that session and thrown again as it is.
	 */
	static final class ConnectionSessionInfo implements SSLSessionInfo {

		private final SSLSessionInfo session;

		@Nullable
		private volatile NoCertificate noCertificate;

		ConnectionSessionInfo(SSLSessionInfo session) {
			this.session = session;
		}

		@Override
		public byte[] getSessionId() {
			return this.session.getSessionId();
		}

		@Override
		public String getCipherSuite() {
			return this.session.getCipherSuite();
		}

		@Override
		public int getKeySize() {
			return this.session.getKeySize();
		}

		@Override
		public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException, RenegotiationRequiredException {
			SSLSession current = this.session.getSSLSession();
			NoCertificate known = this.noCertificate;
			if (known != null && known.session() == current) {
				return known.rethrow();
			}
			try {
				return this.session.getPeerCertificates();
			}
			catch (SSLPeerUnverifiedException | RenegotiationRequiredException ex) {
				this.noCertificate = new NoCertificate(current, ex);
				throw ex;
			}
		}

		@Override
		@Deprecated
		@SuppressWarnings("removal")
		public javax.security.cert.X509Certificate[] getPeerCertificateChain()
				throws SSLPeerUnverifiedException, RenegotiationRequiredException {
			return this.session.getPeerCertificateChain();
		}

		@Override
		public void renegotiate(HttpServerExchange exchange, SslClientAuthMode sslClientAuthMode) throws IOException {
			this.session.renegotiate(exchange, sslClientAuthMode);
		}

		@Override
		public SSLSession getSSLSession() {
			return this.session.getSSLSession();
		}

	}

	// the answer for one TLS session: one of the two exceptions getPeerCertificates declares
	private record NoCertificate(SSLSession session, Exception exception) {

		Certificate[] rethrow() throws SSLPeerUnverifiedException, RenegotiationRequiredException {
			if (this.exception instanceof SSLPeerUnverifiedException unverified) {
				throw unverified;
			}
			throw (RenegotiationRequiredException) this.exception;
		}

	}

}
