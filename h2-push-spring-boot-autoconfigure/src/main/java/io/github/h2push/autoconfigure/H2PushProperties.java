package io.github.h2push.autoconfigure;

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
	 * Request headers copied into each push promise in addition to copied-headers, so
	 * adding one (such as Authorization) keeps the defaults.
	 */
	private List<String> additionalCopiedHeaders = new ArrayList<>();

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
	 * How many free I/O buffers Undertow's buffer pool keeps for reuse beside its small
	 * per-thread caches (at 16 KB each, 512 hold at most 8 MB, and only as many as were
	 * in use at once). 0 leaves Undertow's default pool, which releases a buffer given
	 * back on another thread than the one that took it: over HTTP/2, nearly every frame.
	 */
	private int pooledBuffers = 512;

	@NestedConfigurationProperty
	private final EarlyHintsProperties earlyHints = new EarlyHintsProperties();

	@NestedConfigurationProperty
	private final HtmlFirstProperties htmlFirst = new HtmlFirstProperties();

	@NestedConfigurationProperty
	private final ConnectionProperties connection = new ConnectionProperties();

	@NestedConfigurationProperty
	private final DedupProperties dedup = new DedupProperties();

	@NestedConfigurationProperty
	private final LearnProperties learn = new LearnProperties();

	@NestedConfigurationProperty
	private final DevelopmentTlsProperties ssl = new DevelopmentTlsProperties();

	@NestedConfigurationProperty
	private final PushedResponseCacheProperties pushedResponseCache = new PushedResponseCacheProperties();

	public List<String> getCopiedHeaders() {
		return this.copiedHeaders;
	}

	public void setCopiedHeaders(List<String> copiedHeaders) {
		this.copiedHeaders = copiedHeaders;
	}

	public List<String> getAdditionalCopiedHeaders() {
		return this.additionalCopiedHeaders;
	}

	public void setAdditionalCopiedHeaders(List<String> additionalCopiedHeaders) {
		this.additionalCopiedHeaders = additionalCopiedHeaders;
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

	public int getPooledBuffers() {
		return this.pooledBuffers;
	}

	public void setPooledBuffers(int pooledBuffers) {
		this.pooledBuffers = pooledBuffers;
	}

	public EarlyHintsProperties getEarlyHints() {
		return this.earlyHints;
	}

	public HtmlFirstProperties getHtmlFirst() {
		return this.htmlFirst;
	}

	public ConnectionProperties getConnection() {
		return this.connection;
	}

	public DedupProperties getDedup() {
		return this.dedup;
	}

	public LearnProperties getLearn() {
		return this.learn;
	}

	public PushedResponseCacheProperties getPushedResponseCache() {
		return this.pushedResponseCache;
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
