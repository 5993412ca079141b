package io.github.h2push.autoconfigure;

/**
 * TLS settings.
 *
 * @since 0.1.0
 */
public class DevelopmentTlsProperties {

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
