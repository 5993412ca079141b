package io.github.h2push.undertow;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushTransport;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.spec.HttpServletRequestImpl;

import org.springframework.lang.Nullable;
import org.springframework.web.util.WebUtils;

/**
 * Pushes through Undertow's own HTTP/2 push. Opens one {@link PushChannel} per request
 * from the request's Undertow exchange, looked up once.
 * <p>
 * It pushes only for a valid authority this server is authoritative for (see
 * {@code h2-push.authorities}), under the connection's real scheme, with a fresh header
 * map per promise, only while the peer's stream limit leaves a slot free (Undertow 2.3
 * leaks push slots; the {@link UndertowHandlerChainCustomizer handler chain} gives them
 * back) and the connection runs fewer pushed responses than its limit (see
 * {@link PushedResponseGuard}), and never a path the connection already had (a bounded
 * per-connection record, decided under the connection's monitor). It sends
 * {@code 103 Early Hints} on the request's own HTTP/2 stream, and over HTTP/1.1 through
 * Undertow's out-of-band response.
 *
 * @since 0.1.0
 */
public class UndertowPushTransport implements PushTransport {

	private final UndertowInternals internals;

	private final Http2PushSlots slots;

	private final int rememberedPerConnection;

	private final PushAuthorityRule authorityRule;

	private final PushedResponseGuard guard;

	/**
	 * Creates a transport. It pushes only when this Undertow version has the internals
	 * the push-slot workaround needs (see {@link #isPushAvailable()}).
	 * @param rememberedPerConnection how many pushed paths to remember per connection,
	 * 0 to push every time
	 * @param authorities the authorities ({@code host} or {@code host:port}) to push
	 * for; empty to trust the names of the server's certificate or, without TLS, the
	 * connection's address
	 * @param guard bounds the pushed responses of a connection
	 */
	public UndertowPushTransport(int rememberedPerConnection, List<String> authorities, PushedResponseGuard guard) {
		this(UndertowInternals.get(), rememberedPerConnection, authorities, guard);
	}

	UndertowPushTransport(UndertowInternals internals, int rememberedPerConnection, List<String> authorities,
			PushedResponseGuard guard) {
		this.internals = internals;
		this.slots = new Http2PushSlots(internals);
		this.rememberedPerConnection = rememberedPerConnection;
		this.authorityRule = new PushAuthorityRule(authorities);
		this.guard = guard;
	}

	/**
	 * Whether this Undertow version lets h2-push push: it has the internals the push-slot
	 * workaround needs. When it does not, every resource is hinted instead.
	 * @return {@code true} if pushes can be made
	 */
	public boolean isPushAvailable() {
		return this.slots.isAvailable();
	}

	@Override
	@Nullable
	public PushChannel open(HttpServletRequest request, @Nullable HttpServletResponse response) {
		HttpServletRequestImpl undertowRequest = WebUtils.getNativeRequest(request, HttpServletRequestImpl.class);
		HttpServerExchange exchange = (undertowRequest != null) ? undertowRequest.getExchange() : null;
		return (exchange != null)
				? new UndertowPushChannel(exchange, this.internals, this.slots, this.rememberedPerConnection,
						this.authorityRule, this.guard)
				: null;
	}

}
