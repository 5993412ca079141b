package io.github.h2push.undertow;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLSession;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.SSLSessionInfo;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import io.undertow.servlet.spec.HttpServletRequestImpl;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.Protocols;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.xnio.channels.Channels;
import org.xnio.channels.StreamSinkChannel;

import io.github.h2push.PushPromise;
import io.github.h2push.PushTransport;

import org.springframework.lang.Nullable;
import org.springframework.web.util.WebUtils;

/**
 * Pushes through Undertow's own HTTP/2 push: a fresh header map per promise, and only
 * while the peer's stream limit leaves a slot free (see {@link Http2PushSlots}). The
 * pushed request runs through the whole deployment, filters included.
 * <p>
 * It pushes only for an authority this server is authoritative for, so a spoofed
 * {@code Host} or {@code :authority} cannot make it push for another origin: one
 * listed in {@code h2-push.authorities} (a {@code host} entry allows any port), or
 * else a name the server's TLS certificate covers (as for HTTPS origins, the port does
 * not matter: port mappings and proxies change it), or, without TLS, this
 * connection's own address or {@code localhost}.
 * It remembers the last origins and paths pushed on each connection (a bounded,
 * least-recently-used record) so a resource is not pushed twice, and sends
 * {@code 103 Early Hints} through Undertow's out-of-band response.
 *
 * @since 0.1.0
 */
public class UndertowPushTransport implements PushTransport {

	private static final Log logger = LogFactory.getLog(UndertowPushTransport.class);

	private static final AttachmentKey<PushedPaths> PUSHED_PATHS = AttachmentKey.create(PushedPaths.class);

	private static final int EARLY_HINTS = 103;

	private static final HttpString LINK = new HttpString("Link");

	private static final String EARLY_HINTS_REASON = "Early Hints";

	private final Http2PushSlots slots;

	private final int rememberedPerConnection;

	private final Set<String> authorities;

	/**
	 * Creates a transport.
	 * @param slots the push slots; when not available, nothing is pushed
	 * @param rememberedPerConnection how many pushed paths to remember per connection,
	 * 0 to push every time
	 * @param authorities the authorities ({@code host} or {@code host:port}) to push
	 * for; empty to trust only the TLS server name or the connection's address
	 */
	public UndertowPushTransport(Http2PushSlots slots, int rememberedPerConnection, List<String> authorities) {
		this.slots = slots;
		this.rememberedPerConnection = rememberedPerConnection;
		this.authorities = authorities.stream()
			.map((authority) -> authority.trim().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public boolean supports(HttpServletRequest request) {
		return exchange(request) != null;
	}

	@Override
	@Nullable
	public String pushRefusal(HttpServletRequest request) {
		HttpServerExchange exchange = exchange(request);
		if (exchange == null) {
			return "not an Undertow request";
		}
		ServerConnection connection = exchange.getConnection();
		if (!(connection instanceof Http2ServerConnection)) {
			return "not HTTP/2";
		}
		if (!this.slots.isAvailable()) {
			return "push is off on this Undertow version";
		}
		if (!connection.isPushSupported()) {
			return "the client refused push, or this is a pushed request";
		}
		try {
			return authorityRefusal(exchange);
		}
		catch (RuntimeException ex) {
			return "the request's authority is malformed";
		}
	}

	@Override
	public boolean push(HttpServletRequest request, PushPromise promise) {
		HttpServerExchange exchange = exchange(request);
		if (exchange == null || !(exchange.getConnection() instanceof Http2ServerConnection connection)) {
			return false;
		}
		HeaderMap headers = new HeaderMap();
		for (Map.Entry<String, List<String>> header : promise.headers().entrySet()) {
			headers.addAll(new HttpString(header.getKey()), header.getValue());
		}
		PushedPaths remembered = (this.rememberedPerConnection > 0) ? pushedPaths(connection) : null;
		String key = rememberedKey(exchange, promise.path());
		// under the connection's monitor, so two streams cannot push the same path at once
		return this.slots.pushIfSlotFree(connection, () -> {
			if (remembered != null && remembered.contains(key)) {
				return false;
			}
			boolean pushed = connection.pushResource(promise.path(), Methods.GET, headers);
			if (pushed && remembered != null) {
				remembered.add(key);
			}
			return pushed;
		});
	}

	@Override
	public boolean isPushedOnConnection(HttpServletRequest request, String path) {
		if (this.rememberedPerConnection <= 0) {
			return false;
		}
		HttpServerExchange exchange = exchange(request);
		if (exchange == null) {
			return false;
		}
		PushedPaths paths = exchange.getConnection().getAttachment(PUSHED_PATHS);
		return paths != null && paths.contains(rememberedKey(exchange, path));
	}

	@Override
	public boolean sendEarlyHints(HttpServletRequest request, List<String> links, boolean overHttp1) {
		HttpServerExchange exchange = exchange(request);
		if (exchange == null || exchange.isResponseStarted()) {
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
		// Undertow sends an interim response only for a request that expects 100-continue
		requestHeaders.put(Headers.EXPECT, "100-continue");
		try {
			HttpServerExchange interim = connection.sendOutOfBandResponse(exchange);
			interim.setStatusCode(EARLY_HINTS);
			interim.getResponseHeaders().addAll(LINK, links);
			StreamSinkChannel channel = interim.getResponseChannel();
			if (http1) {
				interim.setReasonPhrase(EARLY_HINTS_REASON);
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

	@Nullable
	private String authorityRefusal(HttpServerExchange exchange) {
		String host = exchange.getHostName().toLowerCase(Locale.ROOT);
		String authority = exchange.getHostAndPort().toLowerCase(Locale.ROOT);
		if (!this.authorities.isEmpty()) {
			return (this.authorities.contains(host) || this.authorities.contains(authority)) ? null
					: "the request's authority is not listed in h2-push.authorities";
		}
		InetSocketAddress local = exchange.getDestinationAddress();
		X509Certificate certificate = serverCertificate(exchange.getConnection().getSslSessionInfo());
		if (certificate != null) {
			return CertificateNames.of(certificate).covers(host) ? null
					: "the server's certificate does not cover the request's authority";
		}
		boolean ownAddress = local.getAddress() != null && CertificateNames.sameAddress(host, local.getAddress());
		boolean localhost = host.equals("localhost") && local.getAddress() != null
				&& local.getAddress().isLoopbackAddress();
		return (ownAddress || localhost) ? null
				: "the request's authority is not this server's address; list it in h2-push.authorities to push for it";
	}

	@Nullable
	private static X509Certificate serverCertificate(@Nullable SSLSessionInfo sslSessionInfo) {
		SSLSession session = (sslSessionInfo != null) ? sslSessionInfo.getSSLSession() : null;
		Certificate[] certificates = (session != null) ? session.getLocalCertificates() : null;
		return (certificates != null && certificates.length > 0 && certificates[0] instanceof X509Certificate x509)
				? x509 : null;
	}

	// one connection can serve several origins (a wildcard certificate)
	private static String rememberedKey(HttpServerExchange exchange, String path) {
		return exchange.getHostAndPort().toLowerCase(Locale.ROOT) + path;
	}

	private PushedPaths pushedPaths(ServerConnection connection) {
		// HTTP/2 attachments live on the connection's channel, shared by its streams;
		// two first pushes racing here can at worst forget one path
		PushedPaths paths = connection.getAttachment(PUSHED_PATHS);
		if (paths == null) {
			paths = new PushedPaths(this.rememberedPerConnection);
			connection.putAttachment(PUSHED_PATHS, paths);
		}
		return paths;
	}

	@Nullable
	private static HttpServerExchange exchange(HttpServletRequest request) {
		HttpServletRequestImpl undertowRequest = WebUtils.getNativeRequest(request, HttpServletRequestImpl.class);
		return (undertowRequest != null) ? undertowRequest.getExchange() : null;
	}

	/**
	 * The paths pushed on one connection, least recently pushed dropped first.
	 */
	private static final class PushedPaths {

		private final Map<String, Boolean> paths;

		PushedPaths(int capacity) {
			this.paths = new LinkedHashMap<>(16, 0.75f, true) {

				@Override
				protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
					return size() > capacity;
				}

			};
		}

		synchronized void add(String path) {
			this.paths.put(path, Boolean.TRUE);
		}

		synchronized boolean contains(String path) {
			return this.paths.get(path) != null;
		}

	}

}
