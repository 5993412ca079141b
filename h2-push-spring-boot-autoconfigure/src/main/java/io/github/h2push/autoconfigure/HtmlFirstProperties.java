package io.github.h2push.autoconfigure;

/**
 * The page's own frames first on HTTP/2.
 *
 * @since 0.1.0
 */
public class HtmlFirstProperties {

	/**
	 * Whether, on Undertow, to send the frames of a page's own response (a navigation, or
	 * a request of priority urgency 0) ahead of frames of other responses already queued
	 * on the same HTTP/2 connection, such as hinted or pushed subresources. Tomcat and
	 * Jetty keep no such queue, so there it changes nothing.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
