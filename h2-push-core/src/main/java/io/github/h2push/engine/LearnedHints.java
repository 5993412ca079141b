package io.github.h2push.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * Early hints learned from what pages send, per handler method or route
 * ({@code h2-push.learn.*}): the preload links and render-blocking head resources of a
 * page's successful HTML responses, offered on later navigations to the same handler
 * like declared resources. Bounded in routes, resources per route and bytes in total;
 * a plan is replaced when a later sampled response names other resources and forgotten
 * when it names none. After a route has a plan, only one navigation in
 * {@code sampleEvery} is read again, and fewer while samples keep confirming it: each
 * confirmation doubles the interval, up to {@value #MAX_BACKOFF} times
 * {@code sampleEvery}; a sample that changes the plan brings it back to
 * {@code sampleEvery}. A sampled response that may not teach changes nothing and counts
 * as a confirmation ({@link #refused(String)}), so a route whose pages never teach, as
 * with Spring Security's default {@code no-store}, is read as seldom as a settled one.
 * <p>
 * A plan is offered to every visitor of the handler, signed in or not, so what one
 * response teaches must be right for everyone. The rule is safe by construction: only
 * what no request can make differ between visitors is learned.
 * <ul>
 * <li><b>Only from anonymous, public responses.</b> A response teaches nothing when its
 * request carries credentials (a {@code Cookie} or {@code Authorization} header, a
 * client certificate), a principal or a session (before the handler runs or after), or
 * when the response says it is personalised: {@code Cache-Control: private} or
 * {@code no-store}, a {@code Set-Cookie}, or a {@code Vary} naming {@code Cookie} or
 * {@code Authorization}, or {@code *} ({@link #refusal(HttpServletRequest, Function)}).
 * A request that carries a user is not even sampled.</li>
 * <li><b>Only static resources.</b> A target is learned only when one of the
 * application's resource handlers serves it as a file ({@link StaticResources}): never
 * an endpoint such as {@code /account/delete}, whatever a page names.</li>
 * <li><b>Never a value of the request.</b> A target whose path contains a value the
 * sampled request sent is left out: a segment of the request's path that the handler's
 * pattern does not name literally (a path variable, what {@code **} matched), a parameter
 * name or value, a header value or an element of its list. A capability URL's id, a
 * reflected {@code ?theme=} or {@code Accept-Language} never reaches another visitor. A
 * target with a query is left out too.</li>
 * <li><b>Only what resolves the same for every page.</b> Targets resolve against the
 * document's {@code <base href>} or, without one, the page's URL, and are kept only on
 * the request's origin; a relative target that resolves against the page's directory is
 * kept only when that directory is the same for every page of the handler.</li>
 * </ul>
 * A preload keeps the CORS mode and, for scripts and stylesheets, the integrity the
 * page fetches the resource with, so the browser uses what the hint started; scripts
 * marked {@code nomodule} and stylesheets or preloads for media other than {@code all} or
 * {@code screen} are not learned (see {@link DocumentHead}). What a response did not
 * teach, and why, is recorded on the request as a {@link Refusal}.
 *
 * @since 0.1.0
 */
public class LearnedHints {

	/**
	 * The request attribute naming the key a response should be learned for; set by the
	 * interceptor on the requests to sample.
	 */
	public static final String KEY_ATTRIBUTE = LearnedHints.class.getName() + ".key";

	/**
	 * The request attribute holding the {@code List<String>} of paths a response taught,
	 * for tests.
	 */
	public static final String LEARNED_ATTRIBUTE = LearnedHints.class.getName() + ".learned";

	/**
	 * The request attribute holding the {@link Refusal} for which a sampled response
	 * taught nothing, for tests.
	 */
	public static final String REFUSAL_ATTRIBUTE = LearnedHints.class.getName() + ".refusal";

	/**
	 * The request attribute holding the {@code Map<String, Refusal>} of the targets a
	 * response named that were not learned, with why, for tests.
	 */
	public static final String REFUSED_ATTRIBUTE = LearnedHints.class.getName() + ".refused";

	private static final String CLIENT_CERTIFICATE_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

	private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");

	// what a link costs besides its path and destination: the entry, the record, the strings
	/**
	 * The longest interval between samples of a settled plan, in multiples of
	 * {@code sampleEvery}.
	 */
	public static final int MAX_BACKOFF = 16;

	private static final int OVERHEAD = 64;

	private final int maxRoutes;

	private final int maxResourcesPerRoute;

	private final long maxBytes;

	private final int sampleEvery;

	private final BiPredicate<HttpServletRequest, String> staticResources;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private long bytes;

	/**
	 * Creates an empty store.
	 * @param maxRoutes the most routes with a plan
	 * @param maxResourcesPerRoute the most resources in one plan; further ones are left
	 * out
	 * @param maxBytes the most bytes all plans take together, estimated
	 * @param sampleEvery how many navigations to a route with a plan make one sampled
	 * @param staticResources whether a path on the origin of a request is one the
	 * application serves as a static resource, such as {@link StaticResources}
	 */
	public LearnedHints(int maxRoutes, int maxResourcesPerRoute, long maxBytes, int sampleEvery,
			BiPredicate<HttpServletRequest, String> staticResources) {
		Assert.isTrue(maxRoutes >= 0 && maxResourcesPerRoute >= 0 && maxBytes >= 0,
				"limits must not be negative");
		Assert.isTrue(sampleEvery >= 1, "'sampleEvery' must be at least 1");
		Assert.notNull(staticResources, "'staticResources' must not be null");
		this.maxRoutes = maxRoutes;
		this.maxResourcesPerRoute = maxResourcesPerRoute;
		this.maxBytes = maxBytes;
		this.sampleEvery = sampleEvery;
		this.staticResources = staticResources;
	}

	/**
	 * Why a request may not teach, whatever its response: it carries a user.
	 * @param request the request
	 * @return the refusal, or {@code null} when the request may teach
	 */
	@Nullable
	public static Refusal refusal(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.COOKIE) != null || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getAttribute(CLIENT_CERTIFICATE_ATTRIBUTE) != null) {
			return Refusal.CREDENTIALS;
		}
		if (request.getUserPrincipal() != null || request.getRemoteUser() != null) {
			return Refusal.PRINCIPAL;
		}
		if (request.getSession(false) != null) {
			return Refusal.SESSION;
		}
		return null;
	}

	/**
	 * Why a response may not teach: its request carries a user (checked again, since the
	 * handler may have started a session), or the response says it is personalised.
	 * @param request the request
	 * @param responseHeaders the values of a response header by name, a
	 * {@code Set-Cookie} for each cookie added included
	 * @return the refusal, or {@code null} when the response may teach
	 */
	@Nullable
	public static Refusal refusal(HttpServletRequest request,
			Function<String, Collection<String>> responseHeaders) {
		Refusal refusal = refusal(request);
		if (refusal != null) {
			return refusal;
		}
		for (String directive : elements(responseHeaders.apply(HttpHeaders.CACHE_CONTROL))) {
			int equals = directive.indexOf('=');
			String name = (equals >= 0) ? directive.substring(0, equals).trim() : directive;
			if (name.equals("private") || name.equals("no-store")) {
				return Refusal.PRIVATE_RESPONSE;
			}
		}
		if (!responseHeaders.apply(HttpHeaders.SET_COOKIE).isEmpty()) {
			return Refusal.SETS_COOKIE;
		}
		for (String name : elements(responseHeaders.apply(HttpHeaders.VARY))) {
			if (name.equals("cookie") || name.equals("authorization") || name.equals("*")) {
				return Refusal.VARIES_WITH_CREDENTIALS;
			}
		}
		return null;
	}

	/**
	 * The resources a successful HTML response to a navigation names that it may teach:
	 * the preload links of the application's {@code Link} headers (not {@code nopush}),
	 * then the render-blocking resources of the {@link DocumentHead head}, each kept only
	 * when it is on the request's origin, has no query, is a valid path, resolves the
	 * same for every page of the handler, carries no value of the request and is a
	 * static resource. What is left out is recorded on the request
	 * ({@link #REFUSED_ATTRIBUTE}).
	 * @param request the request, after its handler ran
	 * @param linkHeaderValues the values of the application's {@code Link} headers
	 * @param head the start of the response's body
	 * @return the resources, in order, each once
	 */
	public List<PreloadLink> resourcesOf(HttpServletRequest request, List<String> linkHeaderValues,
			CharSequence head) {
		RequestValues values = RequestValues.of(request);
		URI page;
		try {
			page = new URI(request.getRequestURI());
		}
		catch (URISyntaxException ex) {
			return List.of();
		}
		Map<String, PreloadLink> links = new LinkedHashMap<>();
		Map<String, Refusal> refused = new LinkedHashMap<>();
		// a Link header's relative targets resolve against the request's URL
		Source header = new Source(request, values, page, true, links, refused);
		for (String value : linkHeaderValues) {
			for (LinkHeader.Link link : LinkHeader.parse(value)) {
				if (link.isPreload() && !link.isNoPush() && DocumentHead.isForAllMedia(link.parameters().get("media"))) {
					header.add(link.target(), link.parameter("as"), link.parameter("fetchpriority"),
							link.parameters().get("crossorigin"), link.parameters().get("integrity"));
				}
			}
		}
		// the document's against its <base>, if it has one, itself relative to the page
		DocumentHead document = DocumentHead.read(head);
		Source body = header;
		if (document.base() != null) {
			URI base = baseOf(page, document.base());
			// a base that is not a URI: where the document's URLs point is not known
			body = (base != null) ? new Source(request, values, base, isPathRelative(document.base()), links, refused)
					: null;
		}
		if (body != null) {
			for (DocumentHead.Resource resource : document.resources()) {
				body.add(resource.target(), resource.as(), "",
						resource.crossOrigin().isEmpty() ? null : resource.crossOrigin(), resource.integrity());
			}
		}
		if (!refused.isEmpty()) {
			request.setAttribute(REFUSED_ATTRIBUTE, refused);
		}
		return new ArrayList<>(links.values());
	}

	@Nullable
	private static URI baseOf(URI page, String href) {
		try {
			return page.resolve(new URI(href.trim()));
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	// cheapest first: the static-resource lookup last
	@Nullable
	private Refusal refusal(HttpServletRequest request, RequestValues values, String target, boolean pageRelative,
			@Nullable String path) {
		if (path == null) {
			return Refusal.OTHER_ORIGIN;
		}
		// a query can carry one user's values (a token, an id): learned plans are offered to everyone
		if (path.indexOf('?') >= 0) {
			return Refusal.QUERY;
		}
		if (PushPathValidator.problemWith(path) != null) {
			return Refusal.INVALID_PATH;
		}
		if (pageRelative && isPathRelative(target) && !values.hasLiteralDirectory()) {
			return Refusal.RELATIVE_TO_PAGE;
		}
		if (values.appearIn(path)) {
			return Refusal.REQUEST_VALUE;
		}
		if (!this.staticResources.test(request, ContextPath.of(request) + path)) {
			return Refusal.NOT_STATIC;
		}
		return null;
	}

	private static boolean isPathRelative(String target) {
		String trimmed = target.trim();
		return !trimmed.startsWith("/") && !SCHEME.matcher(trimmed).lookingAt();
	}

	// the comma-separated elements of header values, trimmed and in lower case
	private static List<String> elements(Collection<String> values) {
		List<String> elements = new ArrayList<>();
		for (String value : values) {
			for (String element : value.split(",")) {
				String trimmed = element.trim().toLowerCase(Locale.ROOT);
				if (!trimmed.isEmpty()) {
					elements.add(trimmed);
				}
			}
		}
		return elements;
	}

	/**
	 * The learned plan of a route, counted as a hit when there is one.
	 * @param key the handler method or route
	 * @return the plan, {@link PushPlan#EMPTY} when none was learned
	 */
	public PushPlan planFor(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null || entry.plan.isEmpty()) {
			return PushPlan.EMPTY;
		}
		entry.hits.increment();
		return entry.plan;
	}

	/**
	 * Whether the response to this navigation should be read: always while the route
	 * has no plan and there is room for one, then once every {@code sampleEvery}
	 * navigations, and less often while samples confirm the plan.
	 * @param key the handler method or route
	 * @return {@code true} to read the response
	 */
	public boolean wantsSample(String key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return this.entries.size() < this.maxRoutes;
		}
		long navigations = entry.navigations.incrementAndGet();
		// navigations since the last sample; of racing navigations, one resets and samples
		return navigations >= entry.sampleEvery && entry.navigations.compareAndSet(navigations, 0);
	}

	/**
	 * Learns the resources a successful HTML response to a navigation named; the
	 * route's plan becomes these resources (up to the per-route limit), or is forgotten
	 * when there are none. A new plan that does not fit the limits is not kept.
	 * @param key the handler method or route
	 * @param links the resources, in the order the page names them
	 * @return the resources now planned for the route
	 */
	public synchronized List<PreloadLink> learn(String key, List<PreloadLink> links) {
		List<PreloadLink> kept = (links.size() > this.maxResourcesPerRoute)
				? List.copyOf(links.subList(0, this.maxResourcesPerRoute)) : List.copyOf(links);
		Entry existing = this.entries.get(key);
		if (existing != null && existing.plan.resources().equals(kept)) {
			// a settled plan is read less and less often
			backOff(existing);
			return kept;
		}
		long oldSize = (existing != null) ? existing.size : 0;
		// a route that teaches nothing keeps an empty plan, so that it is read once every
		// sampleEvery navigations like any other, not on each
		long size = sizeOf(key, kept);
		boolean room = (existing != null || this.entries.size() < this.maxRoutes)
				&& this.bytes - oldSize + size <= this.maxBytes;
		if (!room) {
			return (existing != null) ? existing.plan.resources() : List.of();
		}
		Entry entry = new Entry(new PushPlan(kept), size, this.sampleEvery);
		if (existing != null) {
			entry.hits.add(existing.hits.sum());
			entry.updates.set(existing.updates.get() + 1);
		}
		this.entries.put(key, entry);
		this.bytes += size - oldSize;
		return kept;
	}

	/**
	 * Records that a sampled response of the route may not teach
	 * ({@link #refusal(HttpServletRequest, Function)}): the route's plan stays as it is
	 * and is read half as often, as after a confirming sample; a route without a plan
	 * gets an empty one, if there is room, so that it is read once every
	 * {@code sampleEvery} navigations rather than on each.
	 * @param key the handler method or route
	 */
	public synchronized void refused(String key) {
		Entry existing = this.entries.get(key);
		if (existing != null) {
			backOff(existing);
		}
		else {
			learn(key, List.of());
		}
	}

	// called with this object's monitor held
	private void backOff(Entry entry) {
		entry.sampleEvery = Math.min(entry.sampleEvery * 2, (long) this.sampleEvery * MAX_BACKOFF);
	}

	/**
	 * Forgets every learned plan.
	 */
	public synchronized void clear() {
		this.entries.clear();
		this.bytes = 0;
	}

	/**
	 * The learned plans, keyed by handler method or route.
	 * @return a snapshot of the plans with their hit counts
	 */
	public Map<String, LearnedPlan> getPlans() {
		Map<String, LearnedPlan> plans = new LinkedHashMap<>();
		this.entries.forEach((key, entry) -> {
			if (!entry.plan.isEmpty()) {
				plans.put(key, new LearnedPlan(entry.plan.resources().stream().map(PreloadLink::headerValue).toList(),
						entry.hits.sum(), entry.updates.get()));
			}
		});
		return plans;
	}

	/**
	 * The estimated bytes all plans take.
	 * @return the bytes
	 */
	public synchronized long getBytes() {
		return this.bytes;
	}

	private static long sizeOf(String key, List<PreloadLink> links) {
		long size = 2L * key.length() + OVERHEAD;
		for (PreloadLink link : links) {
			size += 2L * (link.path().length() + link.as().length() + link.integrity().length()) + OVERHEAD;
		}
		return size;
	}

	/**
	 * Where a response names resources: its {@code Link} headers or its document, each
	 * with the URI its relative targets resolve against.
	 */
	private final class Source {

		private final HttpServletRequest request;

		private final RequestValues values;

		private final URI base;

		// whether the base is the page's URL or relative to it
		private final boolean pageRelative;

		private final Map<String, PreloadLink> links;

		private final Map<String, Refusal> refused;

		Source(HttpServletRequest request, RequestValues values, URI base, boolean pageRelative,
				Map<String, PreloadLink> links, Map<String, Refusal> refused) {
			this.request = request;
			this.values = values;
			this.base = base;
			this.pageRelative = pageRelative;
			this.links = links;
			this.refused = refused;
		}

		void add(String target, String as, String fetchPriority, @Nullable String crossOrigin,
				@Nullable String integrity) {
			// within the application, as declared paths are: offering them adds the context path back
			String path = LinkHeader.withinApplication(this.request,
					LinkHeader.sameOriginPath(this.request, this.base, target));
			Refusal refusal = refusal(this.request, this.values, target, this.pageRelative, path);
			if (refusal != null) {
				this.refused.putIfAbsent(target, refusal);
			}
			else {
				this.links.putIfAbsent(path, PreloadLink.found(path, as, fetchPriority, crossOrigin, integrity));
			}
		}

	}

	/**
	 * Why a sampled response taught nothing, or a resource it named was not learned.
	 */
	public enum Refusal {

		/**
		 * The request carries credentials: a {@code Cookie} or an {@code Authorization}
		 * header, or a client certificate.
		 */
		CREDENTIALS,

		/**
		 * The request has an authenticated user.
		 */
		PRINCIPAL,

		/**
		 * The request has a session.
		 */
		SESSION,

		/**
		 * The response is {@code Cache-Control: private} or {@code no-store}.
		 */
		PRIVATE_RESPONSE,

		/**
		 * The response sets a cookie.
		 */
		SETS_COOKIE,

		/**
		 * The response's {@code Vary} names {@code Cookie} or {@code Authorization}, or
		 * is {@code *}.
		 */
		VARIES_WITH_CREDENTIALS,

		/**
		 * The resource is on another origin, or its target is not a URI reference.
		 */
		OTHER_ORIGIN,

		/**
		 * The resource's URL has a query.
		 */
		QUERY,

		/**
		 * The resource's path is not one h2-push pushes or hints.
		 */
		INVALID_PATH,

		/**
		 * The resource is a relative reference, and the page's directory differs between
		 * the pages of the handler, so it would resolve to another path on another page.
		 */
		RELATIVE_TO_PAGE,

		/**
		 * The resource's path carries a value of the request: a path variable, a
		 * parameter or a header.
		 */
		REQUEST_VALUE,

		/**
		 * The resource is not one the application serves as a static resource.
		 */
		NOT_STATIC

	}

	/**
	 * A learned plan as the Actuator endpoint reports it.
	 *
	 * @param resources the resources, as preload link values
	 * @param hits how many navigations it was offered to
	 * @param updates how many times it was replaced by a different one
	 */
	public record LearnedPlan(List<String> resources, long hits, long updates) {
	}

	private static final class Entry {

		private final PushPlan plan;

		private final long size;

		private final LongAdder hits = new LongAdder();

		private final AtomicLong navigations = new AtomicLong();

		private final AtomicLong updates = new AtomicLong();

		private volatile long sampleEvery;

		Entry(PushPlan plan, long size, long sampleEvery) {
			this.plan = plan;
			this.size = size;
			this.sampleEvery = sampleEvery;
		}

	}

}
