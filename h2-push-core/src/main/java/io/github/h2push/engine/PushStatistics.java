package io.github.h2push.engine;

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
 * size: one counter per outcome and reason, so that a result is one update.
 *
 * @since 0.1.0
 */
public class PushStatistics implements PushListener {

	private static final PushOutcome[] OUTCOMES = PushOutcome.values();

	private static final PushReason[] REASONS = PushReason.values();

	// by outcome, then by reason, the last of each outcome's for results without a reason
	private final LongAdder[] counters = new LongAdder[OUTCOMES.length * (REASONS.length + 1)];

	private final LongAdder resets = new LongAdder();

	/**
	 * Creates statistics with every count at zero.
	 */
	public PushStatistics() {
		for (int i = 0; i < this.counters.length; i++) {
			this.counters[i] = new LongAdder();
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
		PushReason reason = result.reason();
		this.counters[index(result.outcome(), (reason != null) ? reason.ordinal() : REASONS.length)].add(times);
	}

	private static int index(PushOutcome outcome, int reason) {
		return outcome.ordinal() * (REASONS.length + 1) + reason;
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
		long count = 0;
		for (int reason = 0; reason <= REASONS.length; reason++) {
			count += this.counters[index(outcome, reason)].sum();
		}
		return count;
	}

	/**
	 * How many resources were not pushed for the given reason.
	 * @param reason the reason
	 * @return the count
	 */
	public long count(PushReason reason) {
		long count = 0;
		for (PushOutcome outcome : OUTCOMES) {
			count += this.counters[index(outcome, reason.ordinal())].sum();
		}
		return count;
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
		for (PushOutcome outcome : OUTCOMES) {
			counts.put(outcome.tagValue(), count(outcome));
		}
		return counts;
	}

	/**
	 * The count of each category of reasons for not pushing, keyed by
	 * {@link PushReason#value()}.
	 * @return the counts
	 */
	public Map<String, Long> refusals() {
		Map<String, Long> refusals = new LinkedHashMap<>();
		for (PushReason reason : REASONS) {
			refusals.put(reason.value(), count(reason));
		}
		return refusals;
	}

}
