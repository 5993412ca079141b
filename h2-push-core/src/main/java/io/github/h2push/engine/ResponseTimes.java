package io.github.h2push.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.lang.Nullable;
import org.springframework.util.Assert;

/**
 * How long each route takes to answer a navigation, and from it whether a
 * {@code 103 Early Hints} can help the route. A {@code 103} lets the browser start
 * fetching while the server works; it gains at most the time between the {@code 103} and
 * the final response, which carries the same {@code Link} headers. A route that answers
 * at once gains nothing from it and still pays for it, so it gets its hints in the final
 * response only.
 * <p>
 * A route is a handler method or an {@code h2-push.routes} pattern, so the key space is
 * the application's, and is bounded besides. Its time is a moving average of the time
 * from the start of its handler's interception to the completion of the handler and its
 * view (for an asynchronous handler, of the asynchronous result): an upper bound on the
 * time to the response's first byte. A route is sent a {@code 103} until it has been
 * measured {@value #SAMPLES_BEFORE_DECIDING} times, and afterwards while its average is at
 * least the threshold. Measuring goes on either way, so a route that slows down gets its
 * {@code 103} back: every response of a route that is sent a {@code 103}, and one in
 * {@value #SAMPLE_EVERY}, at random, of a route measured answering at once, whose requests
 * are the cheapest and the most.
 *
 * @since 0.1.0
 */
public final class ResponseTimes {

	/**
	 * How many responses of a route are measured before its {@code 103} depends on them.
	 */
	public static final int SAMPLES_BEFORE_DECIDING = 8;

	/**
	 * Of the responses of a route measured answering under the threshold, one in this
	 * many is timed.
	 */
	public static final int SAMPLE_EVERY = 8;

	private static final ResponseTimes ALWAYS = new ResponseTimes(Duration.ZERO, 0);

	private final long thresholdNanos;

	private final int maxRoutes;

	private final Map<String, Route> routes = new ConcurrentHashMap<>();

	/**
	 * Creates a record of response times.
	 * @param threshold the average response time from which a route is sent a
	 * {@code 103}; zero to send one whatever the time
	 * @param maxRoutes how many routes to keep; a route beyond them is always sent a
	 * {@code 103}
	 */
	public ResponseTimes(Duration threshold, int maxRoutes) {
		Assert.isTrue(!threshold.isNegative(), "'threshold' must not be negative");
		Assert.isTrue(maxRoutes >= 0, "'maxRoutes' must not be negative");
		this.thresholdNanos = threshold.toNanos();
		this.maxRoutes = maxRoutes;
	}

	/**
	 * Response times that measure nothing: every route is sent its {@code 103}.
	 * @return the response times
	 */
	public static ResponseTimes always() {
		return ALWAYS;
	}

	/**
	 * Whether response times decide anything, that is, whether the threshold is above
	 * zero.
	 * @return {@code true} when they decide
	 */
	public boolean isMeasuring() {
		return this.thresholdNanos > 0;
	}

	/**
	 * Whether a {@code 103} can help a route now.
	 * @param route the route's key
	 * @return {@code false} when the route has been measured answering faster than the
	 * threshold
	 */
	public boolean earlyHintsCanHelp(String route) {
		return !isMeasuring() || canHelp(this.routes.get(route));
	}

	/**
	 * Records one response time of a route.
	 * @param route the route's key
	 * @param nanos the time, in nanoseconds
	 */
	public void record(String route, long nanos) {
		if (isMeasuring()) {
			record(route, this.routes.get(route), nanos);
		}
	}

	/**
	 * Starts timing one response of a route: the route is looked up once for both the
	 * decision and the record. A route measured answering under the threshold has one
	 * response in {@value #SAMPLE_EVERY} timed; the others get a timing that
	 * {@link Timing#isTimed() records nothing}.
	 * @param route the route's key
	 * @param startNanos when the response started, from {@link System#nanoTime()}
	 * @return the timing, to {@link Timing#stop() stop} when the response is complete
	 */
	public Timing start(String route, long startNanos) {
		Route measured = isMeasuring() ? this.routes.get(route) : null;
		if (measured != null && !canHelp(measured) && ThreadLocalRandom.current().nextInt(SAMPLE_EVERY) != 0) {
			return measured.untimed;
		}
		return new Timing(route, measured, startNanos, true);
	}

	// a route is measured only while measuring, so an unmeasured route can always be helped
	private boolean canHelp(@Nullable Route measured) {
		return measured == null || measured.samples < SAMPLES_BEFORE_DECIDING
				|| measured.averageNanos >= this.thresholdNanos;
	}

	private void record(String route, @Nullable Route measured, long nanos) {
		if (measured == null) {
			if (this.routes.size() >= this.maxRoutes) {
				return;
			}
			measured = this.routes.computeIfAbsent(route, (key) -> new Route(key));
		}
		measured.add(Math.max(0, nanos));
	}

	/**
	 * The threshold.
	 * @return the average response time from which a route is sent a {@code 103}
	 */
	public Duration getThreshold() {
		return Duration.ofNanos(this.thresholdNanos);
	}

	/**
	 * Each measured route's average response time in milliseconds and whether it is sent
	 * a {@code 103}, for the Actuator endpoint.
	 * @return a description per route
	 */
	public Map<String, Map<String, Object>> describe() {
		Map<String, Map<String, Object>> described = new LinkedHashMap<>();
		this.routes.forEach((route, measured) -> {
			Map<String, Object> description = new LinkedHashMap<>();
			description.put("averageMillis",
					Math.round(measured.averageNanos / (double) TimeUnit.MILLISECONDS.toNanos(1) * 10) / 10.0);
			description.put("samples", measured.samples);
			description.put("earlyHints", earlyHintsCanHelp(route));
			described.put(route, description);
		});
		return described;
	}

	/**
	 * Forgets every route.
	 */
	public void clear() {
		this.routes.clear();
	}

	/**
	 * The timing of one response of a route, started with {@link ResponseTimes#start}. Used
	 * by the request's threads one after another, not at once; an untimed one is shared by
	 * the route's requests and never changes.
	 */
	public final class Timing {

		private final String route;

		@Nullable
		private final Route measured;

		private final long startNanos;

		private final boolean timed;

		private boolean stopped;

		// untimed, a route's timing for the responses it does not time: decides, records nothing
		private Timing(String route, @Nullable Route measured, long startNanos, boolean timed) {
			this.route = route;
			this.measured = measured;
			this.startNanos = startNanos;
			this.timed = timed;
			this.stopped = !timed;
		}

		/**
		 * Whether {@link #stop()} records the response's time: {@code false} for a
		 * response of a route that answers at once and is not timed this time, which
		 * then needs no stopping.
		 * @return {@code true} when the response is timed
		 */
		public boolean isTimed() {
			return this.timed;
		}

		/**
		 * Whether a {@code 103} can help the route now, as
		 * {@link ResponseTimes#earlyHintsCanHelp(String)} says, from the route's record
		 * found when the timing started (none for a route not measured yet).
		 * @return {@code false} when the route has been measured answering faster than
		 * the threshold
		 */
		public boolean earlyHintsCanHelp() {
			return canHelp(this.measured);
		}

		/**
		 * Records the time since the start as the route's response time, once: later
		 * calls do nothing.
		 */
		public void stop() {
			if (!this.stopped) {
				this.stopped = true;
				if (isMeasuring()) {
					record(this.route, this.measured, System.nanoTime() - this.startNanos);
				}
			}
		}

	}

	// updated without locks: concurrent updates may lose a sample, never corrupt the average
	private final class Route {

		private final Timing untimed;

		private volatile long averageNanos;

		private volatile int samples;

		Route(String key) {
			this.untimed = new Timing(key, this, 0, false);
		}

		void add(long nanos) {
			int seen = this.samples;
			// the mean of the first samples, then an average weighting the newest by 1/8
			long average = this.averageNanos;
			this.averageNanos = (seen < SAMPLES_BEFORE_DECIDING) ? average + (nanos - average) / (seen + 1)
					: average + (nanos - average) / SAMPLES_BEFORE_DECIDING;
			if (seen < Integer.MAX_VALUE) {
				this.samples = seen + 1;
			}
		}

	}

}
