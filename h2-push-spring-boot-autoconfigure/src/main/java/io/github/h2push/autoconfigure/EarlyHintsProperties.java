package io.github.h2push.autoconfigure;

import java.time.Duration;

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

	/**
	 * Average response time from which a route (handler method or h2-push.routes
	 * pattern) is sent a "103 Early Hints": a route measured answering faster gets its
	 * preload links in the final response only, since a 103 cannot gain it more than
	 * that time. Each route is measured on its first navigations and all along (a route
	 * answering faster on one navigation in 8). Zero sends a 103 to every route.
	 */
	private Duration minResponseTime = Duration.ofMillis(10);

	/**
	 * Maximum number of routes whose response times are kept; routes beyond it are
	 * always sent a 103.
	 */
	private int maxMeasuredRoutes = 1000;

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

	public Duration getMinResponseTime() {
		return this.minResponseTime;
	}

	public void setMinResponseTime(Duration minResponseTime) {
		this.minResponseTime = minResponseTime;
	}

	public int getMaxMeasuredRoutes() {
		return this.maxMeasuredRoutes;
	}

	public void setMaxMeasuredRoutes(int maxMeasuredRoutes) {
		this.maxMeasuredRoutes = maxMeasuredRoutes;
	}

}
