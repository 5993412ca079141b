package io.github.h2push.autoconfigure;

/**
 * {@code 103 Early Hints}.
 *
 * @since 0.1.0
 */
public class EarlyHintsProperties {

	/**
	 * Whether to send the preload links of a page's declared resources in a "103 Early
	 * Hints" response before the controller runs, when they cannot be pushed. HTTP/2
	 * only, unless over-http1 is set.
	 */
	private boolean enabled = true;

	/**
	 * Whether to send "103 Early Hints" over HTTP/1.1 too. Off because Undertow writes
	 * it out of order under pipelining and Chromium ignores it there; never sent over
	 * HTTP/1.0.
	 */
	private boolean overHttp1;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isOverHttp1() {
		return this.overHttp1;
	}

	public void setOverHttp1(boolean overHttp1) {
		this.overHttp1 = overHttp1;
	}

}
