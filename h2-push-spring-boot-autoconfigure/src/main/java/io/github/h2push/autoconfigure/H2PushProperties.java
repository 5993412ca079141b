package io.github.h2push.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.h2push.support.PushPathValidator;
import io.github.h2push.support.PushRoutes;
import io.github.h2push.support.RequestHeaderAllowlist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.ResponseCookie;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for h2-push.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("h2-push")
public class H2PushProperties implements Validator {

	/**
	 * Request headers copied from the triggering request into each push promise.
	 * Authorization, Proxy-Authorization and Cookie are copied only when listed;
	 * conditional headers and Range never.
	 */
	private List<String> copiedHeaders = new ArrayList<>(RequestHeaderAllowlist.DEFAULT_HEADERS);

	/**
	 * Most resources pushed for one request; further resources get preload links.
	 */
	private int maxPushesPerRequest = 10;

	/**
	 * Most bytes of copied headers in one push promise, counted as HPACK counts them
	 * (name + value + 32 for each); a header that does not fit is left out of the copy.
	 */
	private DataSize maxCopiedHeaderSize = DataSize.ofKilobytes(2);

	/**
	 * Most bytes of copied headers the push promises of one request carry together;
	 * further resources get preload links instead.
	 */
	private DataSize maxCopiedHeaderSizePerRequest = DataSize.ofKilobytes(8);

	/**
	 * Whether to add "Link: rel=preload" headers for resources that cannot be pushed.
	 */
	private boolean preloadLinks = true;

	/**
	 * Whether to send the preload links of a page's declared resources in a "103 Early
	 * Hints" response before the controller runs, when they cannot be pushed. HTTP/2
	 * only, unless early-hints-over-http1 is set.
	 */
	private boolean earlyHints = true;

	/**
	 * Whether to send "103 Early Hints" over HTTP/1.1 too. Off because Undertow writes
	 * it out of order under pipelining and Chromium ignores it there; never sent over
	 * HTTP/1.0.
	 */
	private boolean earlyHintsOverHttp1;

	/**
	 * Whether to send the frames of a page's own response (a navigation, or a request of
	 * priority urgency 0) ahead of frames of other responses already queued on the same
	 * HTTP/2 connection, such as hinted or pushed subresources.
	 */
	private boolean htmlFirst = true;

	/**
	 * Whether to push the same-origin "Link: rel=preload" headers the application sets
	 * on its responses (not those marked nopush) to clients that take pushes, as
	 * nginx's http2_push_preload does. The headers stay for clients that refuse push.
	 */
	private boolean pushFromLinkHeaders = true;

	/**
	 * Host names (or host:port) the server pushes for. When empty, it pushes only for
	 * names its TLS certificate covers or, without TLS, for its own address and
	 * localhost, so a spoofed Host header cannot make it push for another origin.
	 */
	private List<String> authorities = new ArrayList<>();

	/**
	 * Resources to push for request paths matching a pattern, for pages not served by
	 * annotated controllers.
	 */
	private List<Route> routes = new ArrayList<>();

	/**
	 * Most pushed responses one HTTP/2 connection may run at once, each holding a worker
	 * thread; further pushes get preload links.
	 */
	private int maxPushedResponsesInFlightPerConnection = 4;

	/**
	 * How long a pushed response may run before its stream is reset and its worker
	 * thread released, for example when the client gives it no flow-control window.
	 */
	private Duration pushedResponseTimeout = Duration.ofSeconds(10);

	/**
	 * Most requests an HTTP/2 client may reset before they are answered within
	 * client-reset-window before its connection is closed with GOAWAY (rapid reset,
	 * CVE-2023-44487); 0 for no limit.
	 */
	private int maxClientResets = 200;

	/**
	 * The window in which max-client-resets are counted.
	 */
	private Duration clientResetWindow = Duration.ofSeconds(30);

	/**
	 * Write timeout of Undertow's connections (the WRITE_TIMEOUT socket option) unless
	 * server.undertow.options.socket.WRITE_TIMEOUT is set: an HTTP/2 stream whose data
	 * waits that long for the client's flow-control window is reset, releasing the worker
	 * thread writing it, and a connection that accepts no data for that long is closed.
	 * 0 leaves it unset (Undertow's default: streams wait 10 minutes).
	 */
	private Duration writeTimeout = Duration.ofSeconds(30);

	private final Dedup dedup = new Dedup();

	private final Learn learn = new Learn();

	private final DevelopmentTls ssl = new DevelopmentTls();

	public List<String> getCopiedHeaders() {
		return this.copiedHeaders;
	}

	public void setCopiedHeaders(List<String> copiedHeaders) {
		this.copiedHeaders = copiedHeaders;
	}

	public int getMaxPushesPerRequest() {
		return this.maxPushesPerRequest;
	}

	public void setMaxPushesPerRequest(int maxPushesPerRequest) {
		this.maxPushesPerRequest = maxPushesPerRequest;
	}

	public DataSize getMaxCopiedHeaderSize() {
		return this.maxCopiedHeaderSize;
	}

	public void setMaxCopiedHeaderSize(DataSize maxCopiedHeaderSize) {
		this.maxCopiedHeaderSize = maxCopiedHeaderSize;
	}

	public DataSize getMaxCopiedHeaderSizePerRequest() {
		return this.maxCopiedHeaderSizePerRequest;
	}

	public void setMaxCopiedHeaderSizePerRequest(DataSize maxCopiedHeaderSizePerRequest) {
		this.maxCopiedHeaderSizePerRequest = maxCopiedHeaderSizePerRequest;
	}

	public boolean isPreloadLinks() {
		return this.preloadLinks;
	}

	public void setPreloadLinks(boolean preloadLinks) {
		this.preloadLinks = preloadLinks;
	}

	public boolean isEarlyHints() {
		return this.earlyHints;
	}

	public void setEarlyHints(boolean earlyHints) {
		this.earlyHints = earlyHints;
	}

	public boolean isEarlyHintsOverHttp1() {
		return this.earlyHintsOverHttp1;
	}

	public void setEarlyHintsOverHttp1(boolean earlyHintsOverHttp1) {
		this.earlyHintsOverHttp1 = earlyHintsOverHttp1;
	}

	public boolean isHtmlFirst() {
		return this.htmlFirst;
	}

	public void setHtmlFirst(boolean htmlFirst) {
		this.htmlFirst = htmlFirst;
	}

	public boolean isPushFromLinkHeaders() {
		return this.pushFromLinkHeaders;
	}

	public void setPushFromLinkHeaders(boolean pushFromLinkHeaders) {
		this.pushFromLinkHeaders = pushFromLinkHeaders;
	}

	public List<String> getAuthorities() {
		return this.authorities;
	}

	public void setAuthorities(List<String> authorities) {
		this.authorities = authorities;
	}

	public List<Route> getRoutes() {
		return this.routes;
	}

	public void setRoutes(List<Route> routes) {
		this.routes = routes;
	}

	public int getMaxPushedResponsesInFlightPerConnection() {
		return this.maxPushedResponsesInFlightPerConnection;
	}

	public void setMaxPushedResponsesInFlightPerConnection(int maxPushedResponsesInFlightPerConnection) {
		this.maxPushedResponsesInFlightPerConnection = maxPushedResponsesInFlightPerConnection;
	}

	public Duration getPushedResponseTimeout() {
		return this.pushedResponseTimeout;
	}

	public void setPushedResponseTimeout(Duration pushedResponseTimeout) {
		this.pushedResponseTimeout = pushedResponseTimeout;
	}

	public int getMaxClientResets() {
		return this.maxClientResets;
	}

	public void setMaxClientResets(int maxClientResets) {
		this.maxClientResets = maxClientResets;
	}

	public Duration getClientResetWindow() {
		return this.clientResetWindow;
	}

	public void setClientResetWindow(Duration clientResetWindow) {
		this.clientResetWindow = clientResetWindow;
	}

	public Duration getWriteTimeout() {
		return this.writeTimeout;
	}

	public void setWriteTimeout(Duration writeTimeout) {
		this.writeTimeout = writeTimeout;
	}

	public Dedup getDedup() {
		return this.dedup;
	}

	public Learn getLearn() {
		return this.learn;
	}

	public DevelopmentTls getSsl() {
		return this.ssl;
	}

	@Override
	public boolean supports(Class<?> type) {
		return H2PushProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		H2PushProperties properties = (H2PushProperties) target;
		for (String name : properties.getCopiedHeaders()) {
			String problem = RequestHeaderAllowlist.problemWith(name);
			if (problem != null) {
				errors.rejectValue("copiedHeaders", "h2-push.invalid-header", "h2-push.copied-headers: " + problem);
			}
		}
		if (properties.getMaxPushesPerRequest() < 0) {
			errors.rejectValue("maxPushesPerRequest", "h2-push.negative",
					"h2-push.max-pushes-per-request must not be negative");
		}
		if (properties.getMaxCopiedHeaderSize().isNegative()
				|| properties.getMaxCopiedHeaderSize().toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("maxCopiedHeaderSize", "h2-push.out-of-range",
					"h2-push.max-copied-header-size must be between 0 and 2GB");
		}
		if (properties.getMaxCopiedHeaderSizePerRequest().isNegative()
				|| properties.getMaxCopiedHeaderSizePerRequest().toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("maxCopiedHeaderSizePerRequest", "h2-push.out-of-range",
					"h2-push.max-copied-header-size-per-request must be between 0 and 2GB");
		}
		if (properties.getMaxPushedResponsesInFlightPerConnection() < 1) {
			errors.rejectValue("maxPushedResponsesInFlightPerConnection", "h2-push.out-of-range",
					"h2-push.max-pushed-responses-in-flight-per-connection must be at least 1");
		}
		if (!isPositive(properties.getPushedResponseTimeout())) {
			errors.rejectValue("pushedResponseTimeout", "h2-push.out-of-range",
					"h2-push.pushed-response-timeout must be positive");
		}
		if (properties.getMaxClientResets() < 0) {
			errors.rejectValue("maxClientResets", "h2-push.negative", "h2-push.max-client-resets must not be negative");
		}
		if (!isPositive(properties.getClientResetWindow())) {
			errors.rejectValue("clientResetWindow", "h2-push.out-of-range",
					"h2-push.client-reset-window must be positive");
		}
		if (properties.getWriteTimeout() == null || properties.getWriteTimeout().isNegative()) {
			errors.rejectValue("writeTimeout", "h2-push.negative", "h2-push.write-timeout must not be negative");
		}
		if (properties.getDedup().getPerConnection() < 0) {
			errors.rejectValue("dedup.perConnection", "h2-push.negative",
					"h2-push.dedup.per-connection must not be negative");
		}
		CacheDigest digest = properties.getDedup().getCacheDigest();
		if (!isCookieName(digest.getCookieName())) {
			errors.rejectValue("dedup.cacheDigest.cookieName", "h2-push.invalid-cookie-name",
					"h2-push.dedup.cache-digest.cookie-name must be a cookie name (letters, digits and !#$%&'*+-.^_`|~)");
		}
		if (digest.getMaxAge() == null || digest.getMaxAge().isNegative()) {
			errors.rejectValue("dedup.cacheDigest.maxAge", "h2-push.negative",
					"h2-push.dedup.cache-digest.max-age must not be negative");
		}
		validateLearn(properties.getLearn(), errors);
		for (int i = 0; i < properties.getAuthorities().size(); i++) {
			String authority = properties.getAuthorities().get(i);
			if (!StringUtils.hasText(authority) || !authority.trim().matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
				errors.rejectValue("authorities", "h2-push.invalid-authority", "h2-push.authorities[" + i
						+ "]: '" + authority + "' is not a host name or host:port");
			}
		}
		for (int i = 0; i < properties.getRoutes().size(); i++) {
			validateRoute(properties.getRoutes().get(i), "h2-push.routes[" + i + "]", errors);
		}
	}

	private static void validateLearn(Learn learn, Errors errors) {
		if (learn.getMaxRoutes() < 0) {
			errors.rejectValue("learn.maxRoutes", "h2-push.negative", "h2-push.learn.max-routes must not be negative");
		}
		if (learn.getMaxResourcesPerRoute() < 0) {
			errors.rejectValue("learn.maxResourcesPerRoute", "h2-push.negative",
					"h2-push.learn.max-resources-per-route must not be negative");
		}
		if (learn.getSampleEvery() < 1) {
			errors.rejectValue("learn.sampleEvery", "h2-push.out-of-range",
					"h2-push.learn.sample-every must be at least 1");
		}
		if (learn.getHeadSize().isNegative() || learn.getHeadSize().toBytes() > Integer.MAX_VALUE) {
			errors.rejectValue("learn.headSize", "h2-push.out-of-range",
					"h2-push.learn.head-size must be between 0 and 2GB");
		}
		if (learn.getMaxSize().isNegative()) {
			errors.rejectValue("learn.maxSize", "h2-push.negative", "h2-push.learn.max-size must not be negative");
		}
	}

	private static void validateRoute(Route route, String name, Errors errors) {
		String problem = PushRoutes.problemWithPattern(route.getPattern());
		if (problem != null) {
			errors.reject("h2-push.invalid-route", name + ".pattern: '" + route.getPattern() + "' " + problem);
		}
		if (route.getResources().isEmpty()) {
			errors.reject("h2-push.invalid-route", name + ".resources: at least one resource is needed");
		}
		for (int j = 0; j < route.getResources().size(); j++) {
			String resource = route.getResources().get(j);
			String resourceProblem = PushPathValidator.problemWith(resource);
			if (resourceProblem != null) {
				errors.reject("h2-push.invalid-route",
						name + ".resources[" + j + "]: '" + resource + "' " + resourceProblem);
			}
		}
	}

	// Spring's cookie builder checks names against RFC 6265
	private static boolean isPositive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	private static boolean isCookieName(String name) {
		if (!StringUtils.hasText(name)) {
			return false;
		}
		try {
			ResponseCookie.from(name, "").build();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Resources pushed for the request paths matching a pattern.
	 */
	public static class Route {

		/**
		 * Path pattern, such as /docs/** or /index.html, matched against the path
		 * within the application.
		 */
		private String pattern;

		/**
		 * Paths of the resources to push, such as /css/site.css.
		 */
		private List<String> resources = new ArrayList<>();

		public String getPattern() {
			return this.pattern;
		}

		public void setPattern(String pattern) {
			this.pattern = pattern;
		}

		public List<String> getResources() {
			return this.resources;
		}

		public void setResources(List<String> resources) {
			this.resources = resources;
		}

	}

	/**
	 * Not pushing what the client has.
	 */
	public static class Dedup {

		/**
		 * Most pushed paths remembered per connection, least recently pushed dropped
		 * first; a remembered path is not pushed again on that connection. 0 pushes
		 * every time.
		 */
		private int perConnection = 256;

		private final CacheDigest cacheDigest = new CacheDigest();

		public int getPerConnection() {
			return this.perConnection;
		}

		public void setPerConnection(int perConnection) {
			this.perConnection = perConnection;
		}

		public CacheDigest getCacheDigest() {
			return this.cacheDigest;
		}

	}

	/**
	 * A cookie digest of what a client was pushed, so a returning client is not
	 * pushed what it has cached.
	 */
	public static class CacheDigest {

		/**
		 * Whether to keep a digest of pushed resources in a cookie (a 512-bit Bloom
		 * filter, 86 characters) and not push what it lists.
		 */
		private boolean enabled;

		/**
		 * Name of the digest cookie.
		 */
		private String cookieName = "h2push-digest";

		/**
		 * How long the client keeps the digest cookie; match it to the cache lifetime of
		 * the pushed resources.
		 */
		private Duration maxAge = Duration.ofDays(7);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getCookieName() {
			return this.cookieName;
		}

		public void setCookieName(String cookieName) {
			this.cookieName = cookieName;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

	}

	/**
	 * Early hints learned from the pages themselves.
	 */
	public static class Learn {

		/**
		 * Whether to learn, per handler method or route, the preload links and
		 * render-blocking head resources of successful HTML responses to navigations, and
		 * offer them on later navigations like declared resources (103 Early Hints, or
		 * pushes).
		 */
		private boolean enabled;

		/**
		 * Most bytes read from the start of a sampled response to find its head's
		 * resources.
		 */
		private DataSize headSize = DataSize.ofKilobytes(16);

		/**
		 * Most handler methods and routes with a learned plan.
		 */
		private int maxRoutes = 256;

		/**
		 * Most resources in one learned plan; further ones are left out.
		 */
		private int maxResourcesPerRoute = 16;

		/**
		 * Most memory all learned plans take together, estimated; a new plan that does not
		 * fit is not kept.
		 */
		private DataSize maxSize = DataSize.ofKilobytes(256);

		/**
		 * Once a route has a learned plan, one navigation in this many is read again, so
		 * the plan follows changes to the page.
		 */
		private int sampleEvery = 20;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public DataSize getHeadSize() {
			return this.headSize;
		}

		public void setHeadSize(DataSize headSize) {
			this.headSize = headSize;
		}

		public int getMaxRoutes() {
			return this.maxRoutes;
		}

		public void setMaxRoutes(int maxRoutes) {
			this.maxRoutes = maxRoutes;
		}

		public int getMaxResourcesPerRoute() {
			return this.maxResourcesPerRoute;
		}

		public void setMaxResourcesPerRoute(int maxResourcesPerRoute) {
			this.maxResourcesPerRoute = maxResourcesPerRoute;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

		public int getSampleEvery() {
			return this.sampleEvery;
		}

		public void setSampleEvery(int sampleEvery) {
			this.sampleEvery = sampleEvery;
		}

	}

	/**
	 * TLS settings.
	 */
	public static class DevelopmentTls {

		/**
		 * Whether to serve HTTPS with a generated self-signed certificate when no SSL
		 * is configured. When false and no SSL is configured, plain HTTP with h2c is
		 * served.
		 */
		private boolean selfSigned = true;

		/**
		 * Whether a plain HTTP request to the HTTPS port is answered, with a redirect to
		 * https:// (or a 400 when the request cannot be read), instead of a connection
		 * that waits.
		 */
		private boolean answerPlainHttp = true;

		public boolean isSelfSigned() {
			return this.selfSigned;
		}

		public void setSelfSigned(boolean selfSigned) {
			this.selfSigned = selfSigned;
		}

		public boolean isAnswerPlainHttp() {
			return this.answerPlainHttp;
		}

		public void setAnswerPlainHttp(boolean answerPlainHttp) {
			this.answerPlainHttp = answerPlainHttp;
		}

	}

}
