package io.github.h2push.engine;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.http.HttpServletRequest;

import io.github.h2push.PushListener;
import io.github.h2push.PushOutcome;
import io.github.h2push.PushReason;
import io.github.h2push.PushResult;

/**
 * Counts push outcomes since startup, why resources were not pushed (by
 * {@link PushReason}), and pushed streams the client reset: the numbers
 * behind the {@code h2push.*} meters and the {@code h2push} Actuator endpoint. Fixed
 * size: one counter per outcome and per category.
 *
 * @since 0.1.0
 */
public class PushStatistics implements PushListener {

	private final Map<PushOutcome, LongAdder> outcomes = new EnumMap<>(PushOutcome.class);

	private final Map<PushReason, LongAdder> refusals = new EnumMap<>(PushReason.class);

	private final LongAdder resets = new LongAdder();

	/**
	 * Creates statistics with every count at zero.
	 */
	public PushStatistics() {
		for (PushOutcome outcome : PushOutcome.values()) {
			this.outcomes.put(outcome, new LongAdder());
		}
		for (PushReason reason : PushReason.values()) {
			this.refusals.put(reason, new LongAdder());
		}
	}

	@Override
	public void onResult(HttpServletRequest request, PushResult result) {
		count(result, 1);
	}

	// one update per run of results alike: the hints of a plan usually share their outcome and reason
	@Override
	public void onResults(HttpServletRequest request, List<PushResult> results) {
		if (getClass() != PushStatistics.class) {
			// a subclass may count in onResult
			PushListener.super.onResults(request, results);
			return;
		}
		int size = results.size();
		int i = 0;
		while (i < size) {
			PushResult result = results.get(i);
			int run = 1;
			while (i + run < size && results.get(i + run).outcome() == result.outcome()
					&& results.get(i + run).reason() == result.reason()) {
				run++;
			}
			count(result, run);
			i += run;
		}
	}

	private void count(PushResult result, int times) {
		this.outcomes.get(result.outcome()).add(times);
		PushReason reason = result.reason();
		if (reason != null) {
			this.refusals.get(reason).add(times);
		}
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
	 * How many resources were not pushed for the given reason.
	 * @param reason the reason
	 * @return the count
	 */
	public long count(PushReason reason) {
		return this.refusals.get(reason).sum();
	}

	/**
	 * How many pushed streams the client reset before they completed.
	 * @return the count
	 */
	public long resets() {
		return this.resets.sum();
	}

	/**
	 * The count of each outcome, keyed by {@link PushOutcome#tagValue()}. Resets are
	 * not among them: a reset stream was counted as pushed.
	 * @return the counts
	 */
	public Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.outcomes.forEach((outcome, count) -> counts.put(outcome.tagValue(), count.sum()));
		return counts;
	}

	/**
	 * The count of each category of reasons for not pushing, keyed by
	 * {@link PushReason#value()}.
	 * @return the counts
	 */
	public Map<String, Long> refusals() {
		Map<String, Long> refusals = new LinkedHashMap<>();
		this.refusals.forEach((refusal, count) -> refusals.put(refusal.value(), count.sum()));
		return refusals;
	}

}
