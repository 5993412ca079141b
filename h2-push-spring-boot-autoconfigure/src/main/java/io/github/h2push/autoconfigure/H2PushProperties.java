package io.github.h2push.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.h2push.engine.RequestHeaderAllowlist;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
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
	private List<RouteProperties> routes = new ArrayList<>();

	/**
	 * Most pushed responses one HTTP/2 connection may have promised or running at once,
	 * each holding a worker thread while it writes; further pushes get preload links. As
	 * many as one page may push by default, so a page's own pushes are not limited.
	 */
	private int maxPushedResponsesInFlightPerConnection = 10;

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
	 * 0 leaves it unset (Undertow's default: streams wait 10 minutes). It applies to
	 * every connection, HTTP/1.1 too, like nginx's send_timeout of 60 seconds.
	 */
	private Duration writeTimeout = Duration.ofSeconds(60);

	/**
	 * How many free I/O buffers Undertow's buffer pool keeps for reuse beside its small
	 * per-thread caches (at 16 KB each, 512 hold at most 8 MB, and only as many as were
	 * in use at once). 0 leaves Undertow's default pool, which releases a buffer given
	 * back on another thread than the one that took it: over HTTP/2, nearly every frame.
	 */
	private int pooledBuffers = 512;

	@NestedConfigurationProperty
	private final DedupProperties dedup = new DedupProperties();

	@NestedConfigurationProperty
	private final LearnProperties learn = new LearnProperties();

	@NestedConfigurationProperty
	private final DevelopmentTlsProperties ssl = new DevelopmentTlsProperties();

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

	public List<RouteProperties> getRoutes() {
		return this.routes;
	}

	public void setRoutes(List<RouteProperties> routes) {
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

	public int getPooledBuffers() {
		return this.pooledBuffers;
	}

	public void setPooledBuffers(int pooledBuffers) {
		this.pooledBuffers = pooledBuffers;
	}

	public DedupProperties getDedup() {
		return this.dedup;
	}

	public LearnProperties getLearn() {
		return this.learn;
	}

	public DevelopmentTlsProperties getSsl() {
		return this.ssl;
	}

	@Override
	public boolean supports(Class<?> type) {
		return H2PushProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		H2PushPropertiesValidation.validate((H2PushProperties) target, errors);
	}

}
