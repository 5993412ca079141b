package io.github.h2push.autoconfigure;

import java.time.Duration;

/**
 * A cookie digest of what a client was pushed, so a returning client is not
 * pushed what it has cached.
 *
 * @since 0.1.0
 */
public class CacheDigestProperties {

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
