package io.github.h2push.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.h2push.PushAccessPolicy;
import io.github.h2push.PushListener;
import io.github.h2push.PushOutcome;
import io.github.h2push.PushPromise;
import io.github.h2push.PushPromiseService;
import io.github.h2push.PushReason;
import io.github.h2push.PushResult;
import io.github.h2push.spi.PushChannel;
import io.github.h2push.spi.PushTransport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;

/**
 * The pushes of one call to the {@link PushPromiseService}: the channel opened once for
 * the request, the headers copied once, the hints to repeat in a {@code 103}, the paths
 * to add to the cache digest, and the record of the results.
 */
final class PushAttempt {

	private static final Log logger = LogFactory.getLog(PushPromiseService.class);

	private static final Set<Class<?>> warned = ConcurrentHashMap.newKeySet();

	private final PushSettings settings;

	private final HttpServletRequest request;

	@Nullable
	private final HttpServletResponse response;

	@Nullable
	private final PushChannel channel;

	@Nullable
	private final PushChannel.Refusal refusal;

	@Nullable
	private final BitSet digest;

	// the application's own Link header already hints every resource offered
	private final boolean hintedByApplication;

	// the hints' Link header values, added to the response and the 103 when the attempt finishes
	private final List<String> hints = new ArrayList<>(4);

	// the paths offered: a plan's few in a list, a set once there are more
	private final List<String> offered = new ArrayList<>(4);

	@Nullable
	private Set<String> offeredSet;

	@Nullable
	private List<String> pushed;

	@Nullable
	private HttpHeaders copiedHeaders;

	private int pushedBefore = -1;

	// whether the response takes hints, asked at the first hint: an attempt's offers write
	// nothing, and finish() asks again before adding the headers
	@Nullable
	private Boolean takesHints;

	private int copiedBytesBefore;

	PushAttempt(PushSettings settings, HttpServletRequest request, @Nullable HttpServletResponse response,
			boolean hintedByApplication) {
		this(settings, request, response, hintedByApplication, open(settings, request, response));
	}

	/**
	 * An attempt on a channel already opened for the request with {@link #open}.
	 */
	PushAttempt(PushSettings settings, HttpServletRequest request, @Nullable HttpServletResponse response,
			boolean hintedByApplication, @Nullable PushChannel channel) {
		this.settings = settings;
		this.request = request;
		this.response = response;
		this.hintedByApplication = hintedByApplication;
		this.channel = channel;
		this.refusal = refusal(this.channel, request);
		this.digest = (settings.cacheDigest() != null && this.refusal == null) ? settings.cacheDigest().read(request)
				: null;
	}

	/**
	 * The request's channel: one per request, however many calls push for it (a plan,
	 * links, programmatic pushes), when they pass the response.
	 * @return the channel, or {@code null} when no transport handles the request
	 */
	@Nullable
	static PushChannel open(PushSettings settings, HttpServletRequest request,
			@Nullable HttpServletResponse response) {
		RequestState state = RequestState.of(request);
		if (state != null && state.channel != null) {
			return state.channel;
		}
		for (PushTransport transport : settings.transports()) {
			PushChannel channel;
			try {
				channel = transport.open(request, response);
			}
			catch (RuntimeException ex) {
				// a transport that fails must not fail the page: it only loses its hints
				failed(transport, "open a channel", request, ex);
				continue;
			}
			if (channel != null) {
				// a channel opened without the response may lack what a 103 needs later
				if (response != null) {
					((state != null) ? state : RequestState.create(request)).channel = channel;
				}
				return channel;
			}
		}
		return null;
	}

	// the first failure of each kind of transport with its stack trace, later ones in one line
	private static void failed(Object transport, String what, HttpServletRequest request, RuntimeException ex) {
		if (warned.add(transport.getClass())) {
			logger.warn("Push transport " + transport + " failed to " + what + " for " + describe(request), ex);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Push transport " + transport + " failed to " + what + ": " + ex);
		}
	}

	/**
	 * Whether a request with this channel can push nothing.
	 */
	static boolean refuses(@Nullable PushChannel channel, HttpServletRequest request) {
		return refusal(channel, request) != null;
	}

	@Nullable
	private static PushChannel.Refusal refusal(@Nullable PushChannel channel, HttpServletRequest request) {
		if (channel == null) {
			return new PushChannel.Refusal(PushReason.UNAVAILABLE, "no push transport for this request");
		}
		if ("HEAD".equals(request.getMethod())) {
			return new PushChannel.Refusal(PushReason.HEAD_REQUEST, null);
		}
		return channel.refusal();
	}

	/**
	 * Records a push refused because its path is not valid.
	 */
	static PushResult reject(PushSettings settings, HttpServletRequest request, String path,
			String problem) {
		logger.warn("Rejected push of '" + LogSafe.escape(path) + "' for " + describe(request) + ": the path "
				+ problem);
		PushResult result = PushResult.notPushed(path, PushOutcome.REJECTED, PushReason.INVALID_PATH,
				"path " + problem);
		record(settings, request, List.of(result));
		return result;
	}

	/**
	 * Offers a resource, unless the attempt offered the same resolved path already (a
	 * declared {@code /css/site.css} and a learned {@code /css/site-<hash>.css}).
	 * @return what happened, or {@code null} when it was offered already
	 */
	@Nullable
	PushResult offer(PreloadLink declared) {
		PreloadLink link = resolve(declared);
		String path = link.path();
		if (!firstOffer(path)) {
			return null;
		}
		PushAccessPolicy.Access access = access(path);
		if (access == null) {
			return PushResult.notPushed(path, PushOutcome.SKIPPED, PushReason.ACCESS_POLICY,
					"an access policy failed, so the resource is not offered");
		}
		if (access == PushAccessPolicy.Access.DENY) {
			return PushResult.notPushed(path, PushOutcome.SKIPPED, PushReason.ACCESS_POLICY,
					"the current user may not fetch it");
		}
		if (this.refusal != null) {
			return hint(link, PushOutcome.HINTED, this.refusal.reason(), this.refusal.detail());
		}
		if (access == PushAccessPolicy.Access.HINT_ONLY) {
			return hint(link, PushOutcome.HINTED, PushReason.ACCESS_POLICY,
					"a pushed request, which carries only the copied headers, may not fetch it");
		}
		if (this.channel.wasPushed(path)) {
			return duplicate(path, PushChannel.Answer.ALREADY_PUSHED.detail());
		}
		if (this.digest != null && CacheDigestCookie.contains(this.digest, path)) {
			return duplicate(path, "the client's cache digest lists it");
		}
		if (this.pushedBefore < 0) {
			countEarlierPushes();
		}
		int max = this.settings.maxPushesPerRequest();
		if (this.pushedBefore + pushedCount() >= max) {
			return hint(link, PushOutcome.LIMITED, PushReason.MAX_PUSHES, "max-pushes-per-request (" + max + ") reached");
		}
		HttpHeaders headers = copiedHeaders();
		int bytes = RequestHeaderAllowlist.sizeOf(headers);
		if (this.copiedBytesBefore + bytes * (pushedCount() + 1) > this.settings.maxCopiedBytesPerRequest()) {
			return hint(link, PushOutcome.LIMITED, PushReason.HEADER_SIZE, "the request's copied headers would exceed "
					+ this.settings.maxCopiedBytesPerRequest() + " bytes across its promises");
		}
		PushPromise promise = new PushPromise(path, headers);
		PushChannel.Answer answer = this.channel.push(promise);
		return switch (answer) {
			case SENT -> {
				if (this.pushed == null) {
					this.pushed = new ArrayList<>(4);
				}
				this.pushed.add(path);
				yield PushResult.pushed(promise);
			}
			case ALREADY_PUSHED -> duplicate(path, answer.detail());
			case NO_STREAM_SLOT, BUSY, REFUSED -> hint(link, answer.outcome(), answer.reason(), answer.detail());
		};
	}

	/**
	 * Ends the attempt: writes the cache digest, adds the hints' {@code Link} headers,
	 * sends one {@code 103} with them when asked to, and records the results on the
	 * request and with the listeners.
	 * @param results the results of the attempt's offers, which the attempt keeps
	 * @param earlyHints whether the hints may go into a {@code 103}
	 * @return the results, hinted ones marked as early-hinted when the 103 was sent
	 */
	List<PushResult> finish(List<PushResult> results, boolean earlyHints) {
		if (this.digest != null && this.pushed != null && this.response != null && !this.response.isCommitted()) {
			this.settings.cacheDigest().write(this.request, this.response, this.digest, this.pushed);
		}
		if (!this.hints.isEmpty() && this.response != null && !this.response.isCommitted()) {
			// the request's record of them from now on: the attempt adds no hint after this
			OwnLinkHeaders.addHandedOver(this.request, this.response, this.hints);
		}
		if (earlyHints && sendEarlyHints()) {
			results = new ArrayList<>(results);
			results.replaceAll((result) -> (result.outcome() == PushOutcome.HINTED)
					? result.withOutcome(PushOutcome.EARLY_HINTED) : result);
		}
		// one read-only list for the request, the listeners and the caller
		List<PushResult> completed = Collections.unmodifiableList(results);
		record(this.settings, this.request, completed);
		return completed;
	}

	/**
	 * Browsers act on a {@code 103} only for navigations: a request whose
	 * {@code Sec-Fetch-Mode} says it is a fetch or a subresource gets its hints in the
	 * final response only. Clients that do not say are sent one.
	 */
	private boolean sendEarlyHints() {
		if (!Navigation.isNavigation(this.request) || this.channel == null || this.hints.isEmpty()
				|| this.response == null || this.response.isCommitted()) {
			return false;
		}
		try {
			return this.channel.sendEarlyHints(this.hints, this.settings.earlyHintsOverHttp1());
		}
		catch (RuntimeException ex) {
			failed(this.channel, "send a 103 Early Hints", this.request, ex);
			return false;
		}
	}

	// completed: a read-only list that nothing changes afterwards, kept on the request as it is
	@SuppressWarnings("unchecked")
	private static void record(PushSettings settings, HttpServletRequest request,
			List<PushResult> completed) {
		if (completed.isEmpty()) {
			return;
		}
		Object recorded = request.getAttribute(PushPromiseService.RESULTS_ATTRIBUTE);
		if (recorded instanceof RecordedResults results) {
			results.append(completed);
		}
		else {
			RecordedResults results = new RecordedResults(
					(recorded instanceof List<?> earlier) ? new ArrayList<>((List<PushResult>) earlier) : completed);
			if (recorded instanceof List<?>) {
				results.append(completed);
			}
			request.setAttribute(PushPromiseService.RESULTS_ATTRIBUTE, results);
		}
		if (logger.isDebugEnabled()) {
			for (PushResult result : completed) {
				logger.debug("Push " + LogSafe.escape(result.toString()) + " for " + describe(request));
			}
		}
		for (PushListener listener : settings.listeners()) {
			try {
				listener.onResults(request, completed);
			}
			catch (RuntimeException ex) {
				logger.warn("Push listener " + listener + " failed", ex);
			}
		}
	}

	// whether the path is offered for the first time in this attempt
	private boolean firstOffer(String path) {
		if (this.offeredSet != null) {
			return this.offeredSet.add(path);
		}
		if (this.offered.contains(path)) {
			return false;
		}
		this.offered.add(path);
		if (this.offered.size() > 16) {
			this.offeredSet = new HashSet<>(this.offered);
		}
		return true;
	}

	private int pushedCount() {
		return (this.pushed != null) ? this.pushed.size() : 0;
	}

	private static String describe(HttpServletRequest request) {
		return request.getMethod() + " " + LogSafe.escape(request.getRequestURI());
	}

	private HttpHeaders copiedHeaders() {
		if (this.copiedHeaders == null) {
			this.copiedHeaders = this.settings.copiedHeaders().copyFrom(this.request);
		}
		return this.copiedHeaders;
	}

	// earlier calls for the same request count against its limits
	private void countEarlierPushes() {
		this.pushedBefore = 0;
		for (PushResult result : PushPromiseService.results(this.request)) {
			if (result.isPushed()) {
				this.pushedBefore++;
				this.copiedBytesBefore += RequestHeaderAllowlist.sizeOf(result.promise().headers());
			}
		}
	}

	private PushResult duplicate(String path, @Nullable String detail) {
		return PushResult.notPushed(path, PushOutcome.DUPLICATE, PushReason.DUPLICATE, detail);
	}

	// a path in the application, as declared, becomes a URL path on the origin: its versioned
	// form, under the application's context path
	private PreloadLink resolve(PreloadLink link) {
		String path = link.path();
		if (this.settings.urlResolver() != null) {
			String resolved = this.settings.urlResolver().apply(this.request, path);
			if (resolved != null) {
				path = resolved;
			}
		}
		String contextPath = ContextPath.of(this.request);
		String url = contextPath.isEmpty() ? path : contextPath + path;
		return url.equals(link.path()) ? link : link.withPath(url);
	}

	// null when a policy failed: nothing is offered that a policy could not decide on, and the
	// page is served all the same (a policy may run inside the application's setHeader("Link"))
	@Nullable
	private PushAccessPolicy.Access access(String path) {
		PushAccessPolicy.Access result = PushAccessPolicy.Access.PUSH;
		for (PushAccessPolicy policy : this.settings.accessPolicies()) {
			PushAccessPolicy.Access access;
			try {
				access = policy.check(this.request, path);
			}
			catch (RuntimeException ex) {
				logger.warn("Access policy " + policy + " failed for '" + LogSafe.escape(path) + "' of "
						+ describe(this.request) + "; not offered", ex);
				return null;
			}
			if (access == PushAccessPolicy.Access.DENY) {
				return access;
			}
			if (access == PushAccessPolicy.Access.HINT_ONLY) {
				result = access;
			}
		}
		return result;
	}

	private PushResult hint(PreloadLink link, PushOutcome outcome, PushReason reason, @Nullable String detail) {
		if (this.hintedByApplication) {
			return PushResult.notPushed(link.path(), outcome, reason,
					join(detail, "the application's Link header hints it"));
		}
		if (!this.settings.preloadLinks()) {
			return PushResult.notPushed(link.path(), PushOutcome.SKIPPED, reason, join(detail, "preload links are off"));
		}
		if (this.takesHints == null) {
			this.takesHints = this.response != null && !this.response.isCommitted();
		}
		if (!this.takesHints) {
			return PushResult.notPushed(link.path(), PushOutcome.SKIPPED, reason,
					join(detail, "no uncommitted response for a preload link"));
		}
		this.hints.add(link.headerValue());
		return PushResult.notPushed(link.path(), outcome, reason, detail);
	}

	private static String join(@Nullable String detail, String more) {
		return (detail != null) ? detail + "; " + more : more;
	}

}
