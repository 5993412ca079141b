package io.github.h2push.undertow;

import java.time.Duration;
import java.util.List;

import io.github.h2push.PushListener;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.api.DeploymentInfo;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * Installs every handler h2-push puts in the deployment's handler chain, in one declared
 * order. A request meets them in this order:
 * <ol>
 * <li>{@link ConcurrentStreamLimitingHandler} (client streams only): refuses a stream
 * beyond the SETTINGS_MAX_CONCURRENT_STREAMS the server advertises, before anything
 * else sees it, so that a refused request is neither counted nor run.</li>
 * <li>{@link ClientResetLimitingHandler} (client streams only): counts the requests a
 * client resets as each request arrives, on the I/O thread, before any handler could
 * answer it, so that a request answered early still counts.</li>
 * <li>{@link PushedStreamReleasingHandler} (pushed streams only): marks the pushed
 * stream so that Undertow gives its concurrent-stream slot back, and applies the limit
 * of pushed responses in flight, before any handler could answer or end the exchange;
 * a pushed exchange ended before it would leak its slot. It and the handlers before it
 * act on different streams (odd and even ids), so each is first for its own.</li>
 * <li>{@link AbandonedExchangeEndingHandler} (with push): ends the exchanges a closed
 * connection left behind, which Undertow would leave active for ever.</li>
 * <li>{@link ResponseCompletionHandler}: completes an exchange whose response went out
 * whole but was not marked as sent, which Undertow would follow with a reset.</li>
 * <li>{@link UnparsableHostHandler}: answers 400 to a {@code Host} Undertow cannot take
 * apart, before anything asks for the server name.</li>
 * <li>{@link PushedResponseCacheHandler} (pushed streams, with a
 * {@link PushedResponseCache}): replays a stored response, or offers the response to the
 * cache; after the handlers above, so that a replayed response is still a bounded pushed
 * stream, and before those below, so that what they add to a response is stored with
 * it.</li>
 * <li>{@link EarlyHintsVaryHandler}: lets browsers use the fonts a 103 made them fetch,
 * for requests that reach the application.</li>
 * <li>{@link ContentLanguageHandler}: writes {@code Content-Language: en}, not
 * Undertow's {@code en-}, for a locale without a country.</li>
 * <li>{@link TlsSessionInfoSharingHandler} (HTTP/2 over TLS): gives the requests of a
 * connection one record of its TLS session, which remembers that the client sent no
 * certificate, rather than two exceptions per request saying so.</li>
 * <li>{@link HtmlFirstHandler} (with {@code h2-push.html-first.enabled}): puts the
 * connection under the {@link Http2FrameOrder} and marks a document's stream, after the
 * handlers that may answer a request themselves, so that only requests that reach the
 * application are marked, yet before any of their response is written.</li>
 * <li>{@link SlowResponseResettingHandler} (client streams only, with a minimum send
 * rate): watches how fast the client lets the response through.</li>
 * <li>{@link RunningRequestLimitingHandler} (with a limit of running requests): lets
 * the request go on to a thread, or makes it wait, holding none, until one of the
 * connection's running requests ends; last, so that every handler above sees each
 * request as it arrives. A thread setup action of the deployment ends the count when
 * the thread running the request leaves it.</li>
 * </ol>
 * Those are initial handlers (run before Undertow's servlet handling, on the I/O
 * thread). One handler runs on the worker thread just before the servlet chain, as
 * late as possible so that it sees resets made while the request waited for a worker:
 * <ol start="14">
 * <li>{@link ResetRequestSkippingHandler} (client streams only): skips the application
 * for a request the client already reset.</li>
 * </ol>
 * A handler is left out when its limit is off (the reset limit at 0, no frame order, no
 * limit of running requests, no minimum send rate) or when this Undertow version lacks
 * an internal member it needs (see {@code UndertowInternals}, which logs what is off).
 * Together with the write timeout (see {@link UndertowWriteTimeoutCustomizer}) and
 * {@link PushedResponseGuard}, the limits bound what one HTTP/2 connection holds: at
 * most so many requests running, each released once its client stops letting its
 * response through at the minimum rate, and no more streams than advertised.
 *
 * @since 0.1.0
 */
public class UndertowHandlerChainCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

	private final UndertowInternals internals;

	private final Http2PushSlots slots;

	private final PushedResponseGuard guard;

	private final List<PushListener> listeners;

	private final int maxClientResets;

	private final Duration clientResetWindow;

	private final Http2ConnectionLimits limits;

	@Nullable
	private final Http2FrameOrder frameOrder;

	@Nullable
	private PushedResponseCache pushedResponseCache;

	/**
	 * Creates a customizer.
	 * @param guard bounds the pushed responses of a connection
	 * @param listeners told when the client resets a pushed stream
	 * @param maxClientResets how many requests a client may reset within the window
	 * before its connection is closed, 0 for no limit
	 * @param clientResetWindow the window
	 * @param limits what one connection may hold of the threads that run the
	 * application
	 * @param frameOrder the frame order, {@code null} to keep Undertow's own
	 */
	public UndertowHandlerChainCustomizer(PushedResponseGuard guard, List<? extends PushListener> listeners,
			int maxClientResets, Duration clientResetWindow, Http2ConnectionLimits limits,
			@Nullable Http2FrameOrder frameOrder) {
		this(UndertowInternals.get(), guard, listeners, maxClientResets, clientResetWindow, limits, frameOrder);
	}

	UndertowHandlerChainCustomizer(UndertowInternals internals, PushedResponseGuard guard,
			List<? extends PushListener> listeners, int maxClientResets, Duration clientResetWindow,
			Http2ConnectionLimits limits, @Nullable Http2FrameOrder frameOrder) {
		Assert.isTrue(maxClientResets >= 0, "maxClientResets must not be negative");
		this.internals = internals;
		this.slots = new Http2PushSlots(internals);
		this.guard = guard;
		this.listeners = List.copyOf(listeners);
		this.maxClientResets = maxClientResets;
		this.clientResetWindow = clientResetWindow;
		this.limits = limits;
		this.frameOrder = frameOrder;
	}

	/**
	 * Sets the cache that replays pushed responses the application marked storable by a
	 * shared cache.
	 * @param pushedResponseCache the cache, or {@code null} to run every pushed request
	 */
	public void setPushedResponseCache(@Nullable PushedResponseCache pushedResponseCache) {
		this.pushedResponseCache = pushedResponseCache;
	}

	@Override
	public void customize(UndertowServletWebServerFactory factory) {
		factory.addDeploymentInfoCustomizers(this::install);
	}

	private void install(DeploymentInfo deploymentInfo) {
		// one wrapper for the whole chain: the same handlers, and nothing to make per handler
		deploymentInfo.addInitialHandlerChainWrapper(this::initialHandlers);
		if (limitsClientResets()) {
			deploymentInfo.addOuterHandlerChainWrapper(this::outerHandlers);
		}
		if (limitsRunningRequests()) {
			deploymentInfo.addThreadSetupAction(RunningRequestLimitingHandler.releasingWhenThreadLeaves());
		}
	}

	// a request meets them in the reverse order of this method: each wraps the ones before it
	private HttpHandler initialHandlers(HttpHandler servlet) {
		HttpHandler handler = servlet;
		if (limitsRunningRequests()) {
			handler = new RunningRequestLimitingHandler(handler, this.internals, this.limits.getMaxRunningRequests());
		}
		if (this.limits.getMinSendRate() > 0 && this.internals.supports(UndertowInternals.Feature.MIN_SEND_RATE)) {
			handler = new SlowResponseResettingHandler(handler, this.internals, this.limits.getMinSendRate(),
					this.limits.getSendRateInterval());
		}
		if (this.frameOrder != null && this.frameOrder.isAvailable()) {
			handler = new HtmlFirstHandler(handler, this.frameOrder);
		}
		if (TlsSessionInfoSharingHandler.isAvailable()) {
			handler = new TlsSessionInfoSharingHandler(handler);
		}
		handler = new ContentLanguageHandler(handler);
		handler = new EarlyHintsVaryHandler(handler);
		PushedResponseCache cache = this.pushedResponseCache;
		if (cache != null && this.slots.isAvailable()) {
			handler = new PushedResponseCacheHandler(handler, cache);
		}
		handler = new UnparsableHostHandler(handler);
		if (this.internals.supports(UndertowInternals.Feature.RESPONSE_COMPLETION)) {
			handler = new ResponseCompletionHandler(handler, this.internals);
		}
		if (this.slots.isAvailable()) {
			handler = new AbandonedExchangeEndingHandler(handler, this.internals);
			handler = new PushedStreamReleasingHandler(handler, this.slots, this.guard, this.listeners);
		}
		if (limitsClientResets()) {
			handler = new ClientResetLimitingHandler(handler, this.internals, this.maxClientResets,
					this.clientResetWindow);
		}
		if (this.internals.supports(UndertowInternals.Feature.CONCURRENT_STREAM_LIMIT)) {
			handler = new ConcurrentStreamLimitingHandler(handler, this.internals);
		}
		return handler;
	}

	private HttpHandler outerHandlers(HttpHandler next) {
		return new ResetRequestSkippingHandler(next, this.internals);
	}

	private boolean limitsRunningRequests() {
		return this.limits.getMaxRunningRequests() > 0
				&& this.internals.supports(UndertowInternals.Feature.RUNNING_REQUEST_LIMIT);
	}

	private boolean limitsClientResets() {
		return this.maxClientResets > 0 && this.internals.supports(UndertowInternals.Feature.CLIENT_RESET_LIMIT);
	}

}
