package io.github.h2push.spi;

import io.github.h2push.PushPromise;
import io.github.h2push.PushReason;

/**
 * A {@link PushChannel} for a server that cannot push (Tomcat, Jetty): it refuses every
 * push with {@link PushReason#UNAVAILABLE}, so every resource is hinted, and leaves the
 * {@code 103 Early Hints} to the subclass, which sends them where browsers act on them.
 *
 * @since 0.1.0
 */
public abstract class EarlyHintsOnlyChannel implements PushChannel {

	private final Refusal refusal;

	private final String protocol;

	/**
	 * Creates a channel.
	 * @param server the server's name, for the refusal's detail
	 * @param protocol the request's protocol, such as {@code HTTP/2.0}
	 */
	protected EarlyHintsOnlyChannel(String server, String protocol) {
		this.refusal = new Refusal(PushReason.UNAVAILABLE, server + " cannot push");
		this.protocol = protocol;
	}

	@Override
	public final Refusal refusal() {
		return this.refusal;
	}

	@Override
	public final Answer push(PushPromise promise) {
		return Answer.REFUSED;
	}

	/**
	 * Whether a {@code 103} may go out on the request's protocol: browsers act on one
	 * over HTTP/2 and later only, and HTTP/1.0 has no interim responses.
	 * @param overHttp1 whether an HTTP/1.1 request may get one too
	 * @return {@code true} when it may
	 */
	protected boolean isEarlyHintsAllowed(boolean overHttp1) {
		if (this.protocol.startsWith("HTTP/2") || this.protocol.startsWith("HTTP/3")) {
			return true;
		}
		return overHttp1 && "HTTP/1.1".equals(this.protocol);
	}

}
