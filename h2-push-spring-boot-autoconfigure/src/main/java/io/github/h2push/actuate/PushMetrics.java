package io.github.h2push.actuate;

import io.github.h2push.PushOutcome;
import io.github.h2push.PushReason;
import io.github.h2push.engine.PushStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the h2-push counters: {@value #METER_NAME}, tagged {@code outcome} with each
 * {@link PushOutcome#tagValue()}; {@value #REFUSED_METER_NAME}, tagged {@code reason}
 * with each {@link PushReason#value()}; and {@value #RESET_METER_NAME} for pushed
 * streams the client reset. Each meter's tags split one total, so summing across a
 * meter's tags never counts a resource twice (a reset stream was counted as pushed,
 * hence its own meter). The counts come from {@link PushStatistics}, so requests pay
 * no meter lookup.
 *
 * @since 0.1.0
 */
public class PushMetrics implements MeterBinder {

	/**
	 * The name of the meter counting resources by outcome.
	 */
	public static final String METER_NAME = "h2push.promises";

	/**
	 * The name of the meter counting resources not pushed, by category of reason.
	 */
	public static final String REFUSED_METER_NAME = "h2push.promises.refused";

	/**
	 * The name of the meter counting pushed streams the client reset.
	 */
	public static final String RESET_METER_NAME = "h2push.promises.reset";

	private final PushStatistics statistics;

	/**
	 * Creates the binder.
	 * @param statistics the counts to publish
	 */
	public PushMetrics(PushStatistics statistics) {
		this.statistics = statistics;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (PushOutcome outcome : PushOutcome.values()) {
			FunctionCounter.builder(METER_NAME, this.statistics, (statistics) -> statistics.count(outcome))
				.description("Resources the application asked to push, by what happened to them")
				.tag("outcome", outcome.tagValue())
				.register(registry);
		}
		for (PushReason refusal : PushReason.values()) {
			FunctionCounter.builder(REFUSED_METER_NAME, this.statistics, (statistics) -> statistics.count(refusal))
				.description("Resources the application asked to push that were not pushed, by why")
				.tag("reason", refusal.value())
				.register(registry);
		}
		FunctionCounter.builder(RESET_METER_NAME, this.statistics, PushStatistics::resets)
			.description("Pushed streams the client reset before they completed")
			.register(registry);
	}

}
