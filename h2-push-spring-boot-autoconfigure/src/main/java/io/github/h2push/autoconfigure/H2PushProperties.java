package io.github.h2push.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.h2push.RequestHeaderAllowlist;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
	 * Whether to add "Link: rel=preload" headers for resources that cannot be pushed.
	 */
	private boolean preloadLinks = true;

	private final Ssl ssl = new Ssl();

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

	public boolean isPreloadLinks() {
		return this.preloadLinks;
	}

	public void setPreloadLinks(boolean preloadLinks) {
		this.preloadLinks = preloadLinks;
	}

	public Ssl getSsl() {
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
	}

	/**
	 * TLS settings.
	 */
	public static class Ssl {

		/**
		 * Whether to serve HTTPS with a generated self-signed certificate when no SSL
		 * is configured. When false and no SSL is configured, plain HTTP with h2c is
		 * served.
		 */
		private boolean selfSigned = true;

		public boolean isSelfSigned() {
			return this.selfSigned;
		}

		public void setSelfSigned(boolean selfSigned) {
			this.selfSigned = selfSigned;
		}

	}

}
