package io.github.h2push.undertow;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLSession;

import io.github.h2push.PushPromise;
import io.github.h2push.PushReason;
import io.github.h2push.spi.PushChannel;
import io.undertow.protocols.http2.Http2Channel;
import io.undertow.protocols.http2.Http2HeadersStreamSinkChannel;
import io.undertow.protocols.http2.Http2StreamSinkChannel;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.SSLSessionInfo;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.Protocols;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.xnio.channels.Channels;
import org.xnio.channels.StreamSinkChannel;

import org.springframework.lang.Nullable;

/**
 * The push channel of one Undertow request: its exchange, its connection and what may
 * be pushed on it, worked out once when the channel is opened.
 */
final class UndertowPushChannel implements PushChannel {

	private static final Log logger = LogFactory.getLog(UndertowPushChannel.class);

	private static final AttachmentKey<ConnectionPushRecord> PUSHED = AttachmentKey
		.create(ConnectionPushRecord.class);

	private static final int EARLY_HINTS = 103;

	// HTTP/2's default SETTINGS_INITIAL_WINDOW_SIZE; clients that take pushes give more
	private static final int MIN_PUSH_WINDOW = 65_535;

	private static final HttpString LINK = new HttpString("Link");

	private static final Refusal UNAVAILABLE = new Refusal(PushReason.UNAVAILABLE,
			"push is off on this Undertow version");

	private static final Refusal CLIENT_REFUSED = new Refusal(PushReason.CLIENT_REFUSED,
			"the client refused push, or this is a pushed request");

	private final HttpServerExchange exchange;

	private final UndertowInternals internals;

	private final Http2PushSlots slots;

	private final int remembered;

	private final PushedResponseGuard guard;

	@Nullable
	private final Http2ServerConnection connection;

	// the connection's HTTP/2 channel, whose monitor guards pushes and the record
	@Nullable
	private Http2Channel channel;

	@Nullable
	private RequestAuthority authority;

	@Nullable
	private final Refusal refusal;

	UndertowPushChannel(HttpServerExchange exchange, UndertowInternals internals, Http2PushSlots slots,
			int remembered, PushAuthorityRule authorityRule, PushedResponseGuard guard) {
		this.exchange = exchange;
		this.internals = internals;
		this.slots = slots;
		this.remembered = remembered;
		this.guard = guard;
		this.connection = (exchange.getConnection() instanceof Http2ServerConnection http2) ? http2 : null;
		this.refusal = refusal(authorityRule);
	}

	@Nullable
	private Refusal refusal(PushAuthorityRule authorityRule) {
		if (this.connection == null) {
			return new Refusal(PushReason.NOT_HTTP2, this.exchange.getProtocol().toString());
		}
		if (!this.slots.isAvailable()) {
			return UNAVAILABLE;
		}
		// most requests: every browser refuses push
		if (!this.connection.isPushSupported()) {
			return CLIENT_REFUSED;
		}
		this.channel = this.internals.channel(this.connection);
		if (this.channel == null) {
			return UNAVAILABLE;
		}
		if (this.channel.getSendMaxConcurrentStreams() == 0) {
			return new Refusal(PushReason.STREAM_LIMIT, "the client allows no concurrent streams");
		}
		if (this.channel.getInitialSendWindowSize() < MIN_PUSH_WINDOW) {
			// a pushed response would hold a worker while the client lets it through a
			// little at a time
			return new Refusal(PushReason.STREAM_LIMIT, "the client gives new streams less flow-control window ("
					+ this.channel.getInitialSendWindowSize() + " bytes) than HTTP/2's default");
		}
		this.authority = RequestAuthority.parse(this.exchange.getRequestHeaders().getFirst(Headers.HOST));
		if (this.authority == null) {
			return new Refusal(PushReason.AUTHORITY, "the request's authority is not a valid host[:port]");
		}
		InetSocketAddress local = this.exchange.getDestinationAddress();
		InetAddress address = (local != null) ? local.getAddress() : null;
		String refused = authorityRule.refusal(this.authority, serverCertificate(this.connection.getSslSessionInfo()),
				address);
		if (refused != null) {
			return new Refusal(PushReason.AUTHORITY, refused);
		}
		if (!admitted(this.authority.toString())) {
			return new Refusal(PushReason.AUTHORITY, "the connection already pushed for "
					+ ConnectionPushRecord.MAX_AUTHORITIES + " other authorities");
		}
		return null;
	}

	private boolean admitted(String authority) {
		if (this.remembered <= 0) {
			return true;
		}
		synchronized (this.channel) {
			return record().admits(authority);
		}
	}

	@Override
	@Nullable
	public Refusal refusal() {
		return this.refusal;
	}

	@Override
	public boolean wasPushed(String path) {
		if (this.refusal != null || this.remembered <= 0) {
			return false;
		}
		String key = key(path);
		synchronized (this.channel) {
			ConnectionPushRecord record = this.connection.getAttachment(PUSHED);
			return record != null && record.contains(key);
		}
	}

	@Override
	public Answer push(PushPromise promise) {
		if (this.refusal != null) {
			return Answer.REFUSED;
		}
		HeaderMap headers = new HeaderMap();
		for (Map.Entry<String, List<String>> header : promise.headers().headerSet()) {
			headers.addAll(new HttpString(header.getKey()), header.getValue());
		}
		String key = key(promise.path());
		return this.slots.push(this.channel, (slotFree) -> {
			ConnectionPushRecord record = record();
			if (record != null && record.contains(key)) {
				return Answer.ALREADY_PUSHED;
			}
			if (!slotFree) {
				return Answer.NO_STREAM_SLOT;
			}
			if (!this.guard.reserve(this.connection)) {
				return Answer.BUSY;
			}
			if (!pushCanonically(promise.path(), headers)) {
				this.guard.cancel(this.connection);
				return Answer.REFUSED;
			}
			if (record != null) {
				record.add(key);
			}
			return Answer.SENT;
		});
	}

	/**
	 * Undertow copies the promise's {@code :authority} and {@code :scheme} from the
	 * exchange: for the push only, make them the canonical authority and, on TLS,
	 * {@code https} whatever the client said, so the application sees the request as it
	 * came.
	 */
	private boolean pushCanonically(String path, HeaderMap headers) {
		HeaderMap requestHeaders = this.exchange.getRequestHeaders();
		String host = requestHeaders.getFirst(Headers.HOST);
		String scheme = this.exchange.getRequestScheme();
		String canonical = this.authority.toString();
		boolean tls = this.connection.getSslSessionInfo() != null;
		try {
			if (!canonical.equals(host)) {
				requestHeaders.put(Headers.HOST, canonical);
			}
			if (tls && !"https".equals(scheme)) {
				this.exchange.setRequestScheme("https");
			}
			return this.connection.pushResource(path, Methods.GET, headers);
		}
		finally {
			if (host != null) {
				requestHeaders.put(Headers.HOST, host);
			}
			this.exchange.setRequestScheme(scheme);
		}
	}

	// called under the connection's monitor, so two streams share one record
	@Nullable
	private ConnectionPushRecord record() {
		if (this.remembered <= 0) {
			return null;
		}
		ConnectionPushRecord record = this.connection.getAttachment(PUSHED);
		if (record == null) {
			record = new ConnectionPushRecord(this.remembered);
			this.connection.putAttachment(PUSHED, record);
		}
		return record;
	}

	// one connection can serve several origins (a wildcard certificate)
	private String key(String path) {
		return this.authority + path;
	}

	@Override
	public boolean sendEarlyHints(List<String> links, boolean overHttp1) {
		HttpServerExchange exchange = this.exchange;
		if (exchange.isResponseStarted()) {
			return false;
		}
		ServerConnection connection = exchange.getConnection();
		boolean http2 = connection instanceof Http2ServerConnection && exchange.getProtocol().equals(Protocols.HTTP_2_0);
		boolean http1 = overHttp1 && connection instanceof HttpServerConnection
				&& exchange.getProtocol().equals(Protocols.HTTP_1_1);
		HeaderMap requestHeaders = exchange.getRequestHeaders();
		if (!(http2 || http1) || requestHeaders.contains(Headers.EXPECT)) {
			return false;
		}
		if (http2) {
			Http2StreamSinkChannel stream = this.internals.responseChannel(exchange);
			if (stream != null) {
				// not on a stream the client reset already (pushed exchanges say HTTP/1.1, so never get here)
				return !stream.isBroken() && stream.isOpen() && sendHttp2EarlyHints(stream, links);
			}
		}
		// Undertow sends an interim response only for a request that expects 100-continue
		requestHeaders.put(Headers.EXPECT, "100-continue");
		try {
			HttpServerExchange interim = connection.sendOutOfBandResponse(exchange);
			interim.setStatusCode(EARLY_HINTS);
			interim.getResponseHeaders().addAll(LINK, links);
			StreamSinkChannel channel = interim.getResponseChannel();
			if (http1) {
				interim.setReasonPhrase("Early Hints");
				channel.shutdownWrites();
				Channels.flushBlocking(channel);
				return true;
			}
			// over HTTP/2, shutting writes down would end the stream: flush only. The frame
			// is queued on the connection ahead of the final response; the I/O thread
			// writes it without this thread waiting
			channel.flush();
			return true;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not send 103 Early Hints", ex);
			return false;
		}
		finally {
			requestHeaders.remove(Headers.EXPECT);
		}
	}

	/**
	 * Queues a HEADERS frame with {@code :status 103} on the request's stream, as
	 * Undertow's out-of-band response would, without building an exchange for it. The
	 * frame goes ahead of the final response; the I/O thread writes it without this
	 * thread waiting.
	 */
	private static boolean sendHttp2EarlyHints(Http2StreamSinkChannel stream, List<String> links) {
		HeaderMap headers = new HeaderMap();
		headers.put(Http2Channel.STATUS, EARLY_HINTS);
		headers.addAll(LINK, links);
		try {
			new Http2HeadersStreamSinkChannel(stream.getChannel(), stream.getStreamId(), headers).flush();
			return true;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not send 103 Early Hints", ex);
			return false;
		}
	}

	@Nullable
	private static X509Certificate serverCertificate(@Nullable SSLSessionInfo sslSessionInfo) {
		SSLSession session = (sslSessionInfo != null) ? sslSessionInfo.getSSLSession() : null;
		Certificate[] certificates = (session != null) ? session.getLocalCertificates() : null;
		return (certificates != null && certificates.length > 0 && certificates[0] instanceof X509Certificate x509)
				? x509 : null;
	}

}
