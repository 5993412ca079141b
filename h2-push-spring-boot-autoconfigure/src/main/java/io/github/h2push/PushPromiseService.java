package io.github.h2push;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Pushes resources for a request: Spring's counterpart to Quart's
 * {@code make_push_promise}. Inject it and call {@link #push(String)} from a handler
 * method; {@link PushResources} declarations go through the same service.
 * <p>
 * Each push is validated, becomes a {@link PushPromise} carrying the allowlisted
 * headers of the triggering request, and is sent by the first {@link PushTransport}
 * that supports the request. When push is impossible (HTTP/1.1, a client that refused
 * push, a pushed request, the per-request limit reached, the peer's stream limit
 * reached) the resource is hinted with a {@code Link: rel=preload} header instead. A
 * pushed resource gets no {@code Link} header: the promise already tells the client,
 * and a proxy that pushes from {@code Link} headers would push it twice.
 * <p>
 * Every outcome is recorded on the request; read it with {@link #results}.
 *
 * @since 0.1.0
 */
public class PushPromiseService {

	/**
	 * The request attribute holding the {@code List<PushResult>} of a request.
	 */
	public static final String RESULTS_ATTRIBUTE = PushPromiseService.class.getName() + ".results";

	private static final Log logger = LogFactory.getLog(PushPromiseService.class);

	private final List<PushTransport> transports;

	private final RequestHeaderAllowlist copiedHeaders;

	private final int maxPushesPerRequest;

	private final boolean preloadLinks;

	/**
	 * Creates a service.
	 * @param transports the transports, in order of preference
	 * @param copiedHeaders the request headers copied into each promise
	 * @param maxPushesPerRequest the most pushes for one request; further resources
	 * are hinted
	 * @param preloadLinks whether to add {@code Link: rel=preload} headers for
	 * resources that cannot be pushed
	 */
	public PushPromiseService(List<? extends PushTransport> transports, RequestHeaderAllowlist copiedHeaders,
			int maxPushesPerRequest, boolean preloadLinks) {
		Assert.notNull(transports, "'transports' must not be null");
		Assert.notNull(copiedHeaders, "'copiedHeaders' must not be null");
		Assert.isTrue(maxPushesPerRequest >= 0, "'maxPushesPerRequest' must not be negative");
		this.transports = List.copyOf(transports);
		this.copiedHeaders = copiedHeaders;
		this.maxPushesPerRequest = maxPushesPerRequest;
		this.preloadLinks = preloadLinks;
	}

	/**
	 * Pushes a resource for the current request.
	 * @param path the path on this origin, such as {@code /css/site.css}
	 * @return what happened
	 * @throws IllegalStateException if there is no current servlet request
	 */
	public PushResult push(String path) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servletAttributes)) {
			throw new IllegalStateException("No current servlet request: call push(request, path) instead");
		}
		return push(servletAttributes.getRequest(), servletAttributes.getResponse(), PreloadLink.of(path));
	}

	/**
	 * Pushes a resource for the given request. A preload hint, when needed, goes to
	 * the current response.
	 * @param request the triggering request
	 * @param path the path on this origin
	 * @return what happened
	 */
	public PushResult push(HttpServletRequest request, String path) {
		return push(request, currentResponse(), PreloadLink.of(path));
	}

	/**
	 * Pushes a resource for the given request and response.
	 * @param request the triggering request
	 * @param response the response that receives a preload hint if one is needed
	 * @param path the path on this origin
	 * @return what happened
	 */
	public PushResult push(HttpServletRequest request, @Nullable HttpServletResponse response, String path) {
		return push(request, response, PreloadLink.of(path));
	}

	/**
	 * Pushes the resources of a plan, in order.
	 * @param request the triggering request
	 * @param response the response that receives preload hints
	 * @param plan the plan
	 * @return what happened to each resource
	 */
	public List<PushResult> push(HttpServletRequest request, HttpServletResponse response, PushPlan plan) {
		List<PushResult> results = new ArrayList<>(plan.resources().size());
		for (PreloadLink link : plan.resources()) {
			results.add(push(request, response, link, true));
		}
		return results;
	}

	/**
	 * The results recorded on a request, in the order the pushes were attempted.
	 * @param request the request
	 * @return the results, empty when nothing was attempted
	 */
	@SuppressWarnings("unchecked")
	public static List<PushResult> results(ServletRequest request) {
		Object results = request.getAttribute(RESULTS_ATTRIBUTE);
		return (results != null) ? Collections.unmodifiableList((List<PushResult>) results) : List.of();
	}

	/**
	 * The request headers copied into each promise.
	 * @return the allowlist
	 */
	public RequestHeaderAllowlist getCopiedHeaders() {
		return this.copiedHeaders;
	}

	private PushResult push(HttpServletRequest request, @Nullable HttpServletResponse response, PreloadLink link) {
		return push(request, response, link, false);
	}

	private PushResult push(HttpServletRequest request, @Nullable HttpServletResponse response, PreloadLink link,
			boolean validated) {
		Assert.notNull(request, "'request' must not be null");
		String path = link.path();
		if (!validated) {
			String problem = PushPathValidator.problemWith(path);
			if (problem != null) {
				logger.warn("Rejected push of '" + LogSafe.escape(path) + "' for " + describe(request)
						+ ": the path " + problem);
				return record(request, new PushResult(path, PushOutcome.REJECTED, null, "path " + problem));
			}
		}
		PushTransport transport = transportFor(request);
		String reason;
		if (transport == null) {
			reason = "no push transport for this request";
		}
		else if (!transport.isPushSupported(request)) {
			reason = "the connection does not accept push";
		}
		else if (pushedCount(request) >= this.maxPushesPerRequest) {
			reason = "max-pushes-per-request (" + this.maxPushesPerRequest + ") reached";
		}
		else {
			HttpHeaders headers = this.copiedHeaders.copyFrom(request);
			PushPromise promise = new PushPromise(path, headers);
			if (transport.push(request, promise)) {
				return record(request, new PushResult(path, PushOutcome.PUSHED, promise, null));
			}
			reason = "the server could not push (peer's stream limit reached or connection closing)";
		}
		return record(request, hint(response, link, reason));
	}

	private PushResult hint(@Nullable HttpServletResponse response, PreloadLink link, String reason) {
		if (!this.preloadLinks) {
			return new PushResult(link.path(), PushOutcome.SKIPPED, null, reason + "; preload links are off");
		}
		if (response == null || response.isCommitted()) {
			return new PushResult(link.path(), PushOutcome.SKIPPED, null,
					reason + "; no uncommitted response for a preload link");
		}
		response.addHeader(HttpHeaders.LINK, link.headerValue());
		return new PushResult(link.path(), PushOutcome.HINTED, null, reason);
	}

	@Nullable
	private PushTransport transportFor(HttpServletRequest request) {
		for (PushTransport transport : this.transports) {
			if (transport.supports(request)) {
				return transport;
			}
		}
		return null;
	}

	private static int pushedCount(HttpServletRequest request) {
		int count = 0;
		for (PushResult result : results(request)) {
			if (result.isPushed()) {
				count++;
			}
		}
		return count;
	}

	@SuppressWarnings("unchecked")
	private static PushResult record(HttpServletRequest request, PushResult result) {
		List<PushResult> results = (List<PushResult>) request.getAttribute(RESULTS_ATTRIBUTE);
		if (results == null) {
			results = new ArrayList<>(4);
			request.setAttribute(RESULTS_ATTRIBUTE, results);
		}
		results.add(result);
		if (logger.isDebugEnabled()) {
			logger.debug("Push " + LogSafe.escape(result.toString()) + " for " + describe(request));
		}
		return result;
	}

	@Nullable
	private static HttpServletResponse currentResponse() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servletAttributes) ? servletAttributes.getResponse()
				: null;
	}

	private static String describe(HttpServletRequest request) {
		return request.getMethod() + " " + LogSafe.escape(request.getRequestURI());
	}

}
