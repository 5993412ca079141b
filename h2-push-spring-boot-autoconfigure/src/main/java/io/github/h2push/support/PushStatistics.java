package io.github.h2push.support;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.http.HttpServletRequest;
import io.github.h2push.PushListener;
import io.github.h2push.PushOutcome;
import io.github.h2push.PushResult;

/**
 * Counts push outcomes since startup, and pushed streams the client reset: the
 * numbers behind the {@code h2push.promises} meter and the {@code h2push} Actuator
 * endpoint. Fixed size: one counter per outcome.
 *
 * @since 0.1.0
 */
public class PushStatistics implements PushListener {

	/**
	 * The name under which resets are counted, beside the outcomes.
	 */
	public static final String RESET = "reset";

	private final Map<PushOutcome, LongAdder> outcomes = new EnumMap<>(PushOutcome.class);

	private final LongAdder resets = new LongAdder();

	/**
	 * Creates statistics with every count at zero.
	 */
	public PushStatistics() {
		for (PushOutcome outcome : PushOutcome.values()) {
			this.outcomes.put(outcome, new LongAdder());
		}
	}

	@Override
	public void onResult(HttpServletRequest request, PushResult result) {
		this.outcomes.get(result.outcome()).increment();
	}

	@Override
	public void onPushReset(String path) {
		this.resets.increment();
	}

	/**
	 * How many results had the given outcome.
	 * @param outcome the outcome
	 * @return the count
	 */
	public long count(PushOutcome outcome) {
		return this.outcomes.get(outcome).sum();
	}

	/**
	 * How many pushed streams the client reset before they completed.
	 * @return the count
	 */
	public long resets() {
		return this.resets.sum();
	}

	/**
	 * Every count, keyed by {@link PushOutcome#tagValue()} and {@value #RESET}.
	 * @return the counts
	 */
	public Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.outcomes.forEach((outcome, count) -> counts.put(outcome.tagValue(), count.sum()));
		counts.put(RESET, this.resets.sum());
		return counts;
	}

}
