package io.github.h2push.undertow;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * What one HTTP/2 connection may hold of the threads that run the application: how many
 * of its requests run at once, and how slowly the client may let a response through
 * before it is reset. The stream limit the server advertises is enforced whatever these
 * say (see {@link UndertowHandlerChainCustomizer}).
 *
 * @since 0.1.0
 */
public final class Http2ConnectionLimits {

	private static final Http2ConnectionLimits NONE = new Http2ConnectionLimits(0, 0, Duration.ofSeconds(10));

	private final int maxRunningRequests;

	private final long minSendRate;

	private final Duration sendRateInterval;

	/**
	 * Creates limits.
	 * @param maxRunningRequests how many requests of one connection, pushed ones
	 * included, may run at once; 0 for no limit
	 * @param minSendRate the least bytes per second a response whose data waits for the
	 * client's flow-control window must go out at; 0 for no minimum
	 * @param sendRateInterval how often that rate is measured
	 */
	public Http2ConnectionLimits(int maxRunningRequests, long minSendRate, Duration sendRateInterval) {
		Assert.isTrue(maxRunningRequests >= 0, "maxRunningRequests must not be negative");
		Assert.isTrue(minSendRate >= 0, "minSendRate must not be negative");
		Assert.isTrue(sendRateInterval != null && sendRateInterval.toMillis() > 0,
				"sendRateInterval must be at least 1 ms");
		this.maxRunningRequests = maxRunningRequests;
		this.minSendRate = minSendRate;
		this.sendRateInterval = sendRateInterval;
	}

	/**
	 * No limits: a connection may run as many requests as there are threads, each as
	 * long as the client keeps its response moving.
	 * @return limits that limit nothing
	 */
	public static Http2ConnectionLimits none() {
		return NONE;
	}

	/**
	 * How many requests of one connection may run at once.
	 * @return the limit, 0 for none
	 */
	public int getMaxRunningRequests() {
		return this.maxRunningRequests;
	}

	/**
	 * The least bytes per second a response whose data waits for window must go out at.
	 * @return the rate, 0 for none
	 */
	public long getMinSendRate() {
		return this.minSendRate;
	}

	/**
	 * How often the send rate is measured.
	 * @return the interval
	 */
	public Duration getSendRateInterval() {
		return this.sendRateInterval;
	}

}
