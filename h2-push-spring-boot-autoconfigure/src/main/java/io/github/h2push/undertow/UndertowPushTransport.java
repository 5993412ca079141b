package io.github.h2push.undertow;

import java.util.List;
import java.util.Map;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import io.undertow.server.protocol.http2.Http2ServerConnection;
import io.undertow.servlet.spec.HttpServletRequestImpl;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.PushPromise;
import io.github.h2push.PushTransport;

import org.springframework.lang.Nullable;
import org.springframework.web.util.WebUtils;

/**
 * Pushes through Undertow's own HTTP/2 push: a fresh header map per promise, and only
 * while the peer's stream limit leaves a slot free (see {@link Http2PushSlots}). The
 * pushed request runs through the whole deployment, filters included.
 *
 * @since 0.1.0
 */
public class UndertowPushTransport implements PushTransport {

	private final Http2PushSlots slots;

	/**
	 * Creates a transport.
	 * @param slots the push slots; when not available, nothing is pushed
	 */
	public UndertowPushTransport(Http2PushSlots slots) {
		this.slots = slots;
	}

	@Override
	public boolean supports(HttpServletRequest request) {
		return exchange(request) != null;
	}

	@Override
	public boolean isPushSupported(HttpServletRequest request) {
		HttpServerExchange exchange = exchange(request);
		return this.slots.isAvailable() && exchange != null && exchange.getConnection().isPushSupported();
	}

	@Override
	public boolean push(HttpServletRequest request, PushPromise promise) {
		HttpServerExchange exchange = exchange(request);
		if (exchange == null) {
			return false;
		}
		ServerConnection connection = exchange.getConnection();
		if (!(connection instanceof Http2ServerConnection http2Connection)) {
			return false;
		}
		HeaderMap headers = new HeaderMap();
		for (Map.Entry<String, List<String>> header : promise.headers().entrySet()) {
			headers.addAll(new HttpString(header.getKey()), header.getValue());
		}
		return this.slots.pushIfSlotFree(http2Connection,
				() -> connection.pushResource(promise.path(), Methods.GET, headers));
	}

	@Nullable
	private static HttpServerExchange exchange(HttpServletRequest request) {
		HttpServletRequestImpl undertowRequest = WebUtils.getNativeRequest(request, HttpServletRequestImpl.class);
		return (undertowRequest != null) ? undertowRequest.getExchange() : null;
	}

}
