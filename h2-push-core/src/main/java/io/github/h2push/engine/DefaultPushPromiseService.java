package io.github.h2push.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushAccessPolicy;
import io.github.h2push.PushListener;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushResult;
import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushTransport;

import org.springframework.lang.Nullable;
import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@link PushPromiseService} of h2-push: offers each resource through the
 * {@link PushChannel} that the first {@link PushTransport} handling the request opens
 * for it, once per request, and pushes plans (declared, configured and learned
 * resources) and the application's own {@code Link} headers for the web layer.
 * <p>
 * The resources of a plan that can only be hinted also go into one
 * {@code 103 Early Hints} response sent before the controller runs, for navigations. A
 * pushed resource gets no {@code Link} header: the promise already tells the client,
 * and a proxy that pushes from {@code Link} headers would push it twice.
 *
 * @since 0.1.0
 */
public class DefaultPushPromiseService implements PushPromiseService {

	private final PushSettings settings;

	private DefaultPushPromiseService(PushSettings settings) {
		this.settings = settings;
	}

	/**
	 * Starts building a service that pushes through the given transports.
	 * @param transports the transports, in order of preference
	 * @return a builder with the defaults of the {@code h2-push.*} properties
	 */
	public static Builder builder(List<? extends PushTransport> transports) {
		return new Builder(transports);
	}

	/**
	 * Pushes a resource for the current request.
	 * @param path the path on this origin, such as {@code /css/site.css}
	 * @return what happened
	 * @throws IllegalStateException if there is no current servlet request
	 */
	@Override
	public PushResult push(String path) {
		ServletRequestAttributes attributes = currentRequest();
		return push(attributes.getRequest(), attributes.getResponse(), path);
	}

	/**
	 * Pushes a resource for the current request, with the destination its preload
	 * hint says.
	 * @param path the path on this origin, such as {@code /api/orders}
	 * @param as the preload destination, one of {@link PreloadLink#DESTINATIONS}
	 * @return what happened
	 * @throws IllegalArgumentException if {@code as} is not a preload destination
	 * @throws IllegalStateException if there is no current servlet request
	 */
	@Override
	public PushResult push(String path, String as) {
		checkDestination(as);
		ServletRequestAttributes attributes = currentRequest();
		return push(attributes.getRequest(), attributes.getResponse(), path, as);
	}

	static ServletRequestAttributes currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servletAttributes)) {
			throw new IllegalStateException("No current servlet request: call push(request, response, path) instead");
		}
		return servletAttributes;
	}

	static void checkDestination(@Nullable String as) {
		Assert.isTrue(as != null && PreloadLink.DESTINATIONS.contains(as), () -> "'" + as
				+ "' is not a preload destination; use one of " + new TreeSet<>(PreloadLink.DESTINATIONS));
	}

	/**
	 * Pushes a resource for the given request. A preload hint, when needed, goes to
	 * the current response.
	 * @param request the triggering request
	 * @param path the path on this origin
	 * @return what happened
	 */
	@Override
	public PushResult push(HttpServletRequest request, String path) {
		return push(request, currentResponse(), path);
	}

	/**
	 * Pushes a resource for the given request and response.
	 * @param request the triggering request
	 * @param response the response that receives a preload hint if one is needed
	 * @param path the path on this origin
	 * @return what happened
	 */
	@Override
	public PushResult push(HttpServletRequest request, @Nullable HttpServletResponse response, String path) {
		Assert.notNull(request, "'request' must not be null");
		String problem = PushPathValidator.problemWith(path);
		if (problem != null) {
			return PushAttempt.reject(this.settings, request, path, problem);
		}
		PushAttempt attempt = new PushAttempt(this.settings, request, response, false);
		PushResult result = attempt.offer(PreloadLink.of(path));
		return attempt.finish(List.of(result), false).get(0);
	}

	/**
	 * Pushes a resource for the given request and response, with the destination its
	 * preload hint says.
	 * @param request the triggering request
	 * @param response the response that receives a preload hint if one is needed
	 * @param path the path on this origin
	 * @param as the preload destination, one of {@link PreloadLink#DESTINATIONS}
	 * @return what happened
	 * @throws IllegalArgumentException if {@code as} is not a preload destination
	 */
	@Override
	public PushResult push(HttpServletRequest request, @Nullable HttpServletResponse response, String path,
			String as) {
		Assert.notNull(request, "'request' must not be null");
		checkDestination(as);
		String problem = PushPathValidator.problemWith(path);
		if (problem != null) {
			return PushAttempt.reject(this.settings, request, path, problem);
		}
		PushAttempt attempt = new PushAttempt(this.settings, request, response, false);
		PushResult result = attempt.offer(PreloadLink.of(path, as, ""));
		return attempt.finish(List.of(result), false).get(0);
	}

	/**
	 * Pushes the resources of a plan, in order. Resources that can only be hinted also
	 * go into one {@code 103 Early Hints} response when early hints are on and the request
	 * is not a fetch or subresource request ({@code Sec-Fetch-Mode} other than
	 * {@code navigate}), for which browsers ignore a 103.
	 * @param request the triggering request
	 * @param response the response that receives preload hints
	 * @param plan the plan
	 * @return what happened to each resource, read-only
	 */
	public List<PushResult> push(HttpServletRequest request, HttpServletResponse response, PushPlan plan) {
		return push(request, response, plan, true);
	}

	/**
	 * Pushes the resources of a plan, in order, as {@link #push(HttpServletRequest,
	 * HttpServletResponse, PushPlan)} does, with the {@code 103} left out when it cannot
	 * help (see {@link ResponseTimes}): the hints then go in the final response only.
	 * @param request the triggering request
	 * @param response the response that receives preload hints
	 * @param plan the plan
	 * @param earlyHints whether a {@code 103} may be sent, if early hints are on
	 * @return what happened to each resource, read-only
	 */
	public List<PushResult> push(HttpServletRequest request, HttpServletResponse response, PushPlan plan,
			boolean earlyHints) {
		Assert.notNull(request, "'request' must not be null");
		PushAttempt attempt = new PushAttempt(this.settings, request, response, false);
		List<PushResult> results = new ArrayList<>(plan.resources().size());
		for (PreloadLink link : plan.resources()) {
			PushResult result = attempt.offer(link);
			if (result != null) {
				results.add(result);
			}
		}
		return attempt.finish(results, earlyHints && this.settings.earlyHints());
	}

	/**
	 * Pushes the same-origin preload links of a {@code Link} header value that the
	 * application sets on its response, as nginx's {@code http2_push_preload} does:
	 * each link with {@code rel=preload} and without {@code nopush} is offered exactly
	 * as a declared resource is (validation, access policies, limits, deduplication).
	 * The application's header itself is left as it is: it is the hint for clients
	 * that refuse push, so nothing is hinted in addition, no {@code 103} is sent, and
	 * nothing is recorded when the request cannot push at all.
	 * @param request the triggering request
	 * @param response the response the header is set on
	 * @param linkHeaderValue the value of the {@code Link} header
	 * @return what happened to each link offered, empty when none was; read-only
	 */
	public List<PushResult> pushLinks(HttpServletRequest request, @Nullable HttpServletResponse response,
			String linkHeaderValue) {
		Assert.notNull(request, "'request' must not be null");
		return LinkHeaderPushes.push(this.settings, request, response, linkHeaderValue);
	}

	/**
	 * The request headers copied into each promise.
	 * @return the allowlist
	 */
	public RequestHeaderAllowlist getCopiedHeaders() {
		return this.settings.copiedHeaders();
	}

	@Nullable
	private static HttpServletResponse currentResponse() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servletAttributes) ? servletAttributes.getResponse()
				: null;
	}

	/**
	 * Builds a {@link DefaultPushPromiseService}. Defaults match the {@code h2-push.*}
	 * properties.
	 */
	public static final class Builder {

		private final List<? extends PushTransport> transports;

		private RequestHeaderAllowlist copiedHeaders = new RequestHeaderAllowlist(
				RequestHeaderAllowlist.DEFAULT_HEADERS);

		private int maxPushesPerRequest = 10;

		private int maxCopiedBytesPerRequest = 8192;

		private boolean preloadLinks = true;

		private boolean earlyHints = true;

		private boolean earlyHintsOverHttp1;

		private final List<PushAccessPolicy> accessPolicies = new ArrayList<>();

		private final List<PushListener> listeners = new ArrayList<>();

		@Nullable
		private BiFunction<HttpServletRequest, String, String> urlResolver;

		@Nullable
		private CacheDigestCookie cacheDigest;

		private Builder(List<? extends PushTransport> transports) {
			Assert.notNull(transports, "'transports' must not be null");
			this.transports = transports;
		}

		/**
		 * Sets the request headers copied into each promise.
		 * @param copiedHeaders the allowlist
		 * @return this builder
		 */
		public Builder copiedHeaders(RequestHeaderAllowlist copiedHeaders) {
			Assert.notNull(copiedHeaders, "'copiedHeaders' must not be null");
			this.copiedHeaders = copiedHeaders;
			return this;
		}

		/**
		 * Sets the most pushes for one request; further resources are hinted.
		 * @param maxPushesPerRequest the limit, 0 or more
		 * @return this builder
		 */
		public Builder maxPushesPerRequest(int maxPushesPerRequest) {
			Assert.isTrue(maxPushesPerRequest >= 0, "'maxPushesPerRequest' must not be negative");
			this.maxPushesPerRequest = maxPushesPerRequest;
			return this;
		}

		/**
		 * Sets the most bytes of copied headers the promises of one request may carry
		 * together (counted as HPACK counts them); further resources are hinted.
		 * @param maxCopiedBytesPerRequest the limit, 0 or more
		 * @return this builder
		 */
		public Builder maxCopiedBytesPerRequest(int maxCopiedBytesPerRequest) {
			Assert.isTrue(maxCopiedBytesPerRequest >= 0, "'maxCopiedBytesPerRequest' must not be negative");
			this.maxCopiedBytesPerRequest = maxCopiedBytesPerRequest;
			return this;
		}

		/**
		 * Sets whether resources that cannot be pushed get {@code Link: rel=preload}
		 * headers.
		 * @param preloadLinks whether to hint
		 * @return this builder
		 */
		public Builder preloadLinks(boolean preloadLinks) {
			this.preloadLinks = preloadLinks;
			return this;
		}

		/**
		 * Sets whether the hints of a plan also go into a {@code 103 Early Hints}
		 * response, and whether over HTTP/1.1 too.
		 * @param earlyHints whether to send 103 over HTTP/2
		 * @param overHttp1 whether to send 103 over HTTP/1.1 as well
		 * @return this builder
		 */
		public Builder earlyHints(boolean earlyHints, boolean overHttp1) {
			this.earlyHints = earlyHints;
			this.earlyHintsOverHttp1 = overHttp1;
			return this;
		}

		/**
		 * Adds access policies; a resource is offered only as far as all of them allow.
		 * @param policies the policies
		 * @return this builder
		 */
		public Builder accessPolicies(List<? extends PushAccessPolicy> policies) {
			this.accessPolicies.addAll(policies);
			return this;
		}

		/**
		 * Adds listeners told of every result.
		 * @param listeners the listeners
		 * @return this builder
		 */
		public Builder listeners(List<? extends PushListener> listeners) {
			this.listeners.addAll(listeners);
			return this;
		}

		/**
		 * Sets the function that maps a declared path to the URL to push, such as its
		 * versioned URL; it returns the path unchanged, or {@code null}, when there is
		 * nothing to map.
		 * @param urlResolver the resolver, or {@code null} for none
		 * @return this builder
		 */
		public Builder urlResolver(@Nullable BiFunction<HttpServletRequest, String, String> urlResolver) {
			this.urlResolver = urlResolver;
			return this;
		}

		/**
		 * Sets the cookie digest that keeps a returning client from being pushed what
		 * it has; {@code null} (the default) for none.
		 * @param cacheDigest the digest cookie
		 * @return this builder
		 */
		public Builder cacheDigest(@Nullable CacheDigestCookie cacheDigest) {
			this.cacheDigest = cacheDigest;
			return this;
		}

		/**
		 * Builds the service.
		 * @return the service
		 */
		public DefaultPushPromiseService build() {
			return new DefaultPushPromiseService(new PushSettings(List.copyOf(this.transports), this.copiedHeaders,
					this.maxPushesPerRequest, this.maxCopiedBytesPerRequest, this.preloadLinks, this.earlyHints,
					this.earlyHintsOverHttp1, List.copyOf(this.accessPolicies), List.copyOf(this.listeners),
					this.urlResolver, this.cacheDigest));
		}

	}

}
