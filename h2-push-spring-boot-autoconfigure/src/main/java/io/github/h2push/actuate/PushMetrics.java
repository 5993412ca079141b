package io.github.h2push.actuate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.h2push.PushOutcome;
import io.github.h2push.support.PushStatistics;

/**
 * Binds the {@code h2push.promises} counter, tagged {@code outcome} with each
 * {@link PushOutcome#tagValue()} and {@code reset} for pushed streams the client
 * reset. The counts come from {@link PushStatistics}, so requests pay no meter lookup.
 *
 * @since 0.1.0
 */
public class PushMetrics implements MeterBinder {

	/**
	 * The meter name.
	 */
	public static final String METER_NAME = "h2push.promises";

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
		FunctionCounter.builder(METER_NAME, this.statistics, PushStatistics::resets)
			.description("Resources the application asked to push, by what happened to them")
			.tag("outcome", PushStatistics.RESET)
			.register(registry);
	}

}
