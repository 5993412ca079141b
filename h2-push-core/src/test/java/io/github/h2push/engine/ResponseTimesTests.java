package io.github.h2push.engine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ResponseTimes}.
 */
class ResponseTimesTests {

	private static final long FAST = TimeUnit.MICROSECONDS.toNanos(300);

	private static final long SLOW = TimeUnit.MILLISECONDS.toNanos(100);

	private final ResponseTimes times = new ResponseTimes(Duration.ofMillis(10), 2);

	@Test
	void hintsARouteUntilItHasBeenMeasuredEnough() {
		for (int i = 1; i < ResponseTimes.SAMPLES_BEFORE_DECIDING; i++) {
			this.times.record("fast", FAST);
			assertThat(this.times.earlyHintsCanHelp("fast")).as("after %d", i).isTrue();
		}
		this.times.record("fast", FAST);
		assertThat(this.times.earlyHintsCanHelp("fast")).isFalse();
		assertThat(this.times.earlyHintsCanHelp("unmeasured")).isTrue();
	}

	@Test
	void aTimingDecidesAsTheRouteDidWhenItStartedAndRecordsOnce() {
		ResponseTimes.Timing first = this.times.start("route", System.nanoTime());
		assertThat(first.earlyHintsCanHelp()).isTrue();
		first.stop();
		first.stop();
		assertThat(first.isTimed()).isTrue();
		assertThat(this.times.describe().get("route")).containsEntry("samples", 1);
		for (int i = 1; i < ResponseTimes.SAMPLES_BEFORE_DECIDING; i++) {
			this.times.record("route", 0);
		}
		ResponseTimes.Timing settled = this.times.start("route", System.nanoTime());
		assertThat(settled.earlyHintsCanHelp()).isEqualTo(this.times.earlyHintsCanHelp("route")).isFalse();
		ResponseTimes.Timing always = ResponseTimes.always().start("route", System.nanoTime());
		always.stop();
		assertThat(always.earlyHintsCanHelp()).isTrue();
		assertThat(ResponseTimes.always().describe()).isEmpty();
	}

	@Test
	void timesOneResponseInEightOfARouteThatAnswersAtOnceAndEveryOneOfARouteThatThinks() {
		for (int i = 0; i < ResponseTimes.SAMPLES_BEFORE_DECIDING; i++) {
			this.times.record("fast", FAST);
			this.times.record("slow", SLOW);
		}
		int timed = 0;
		for (int i = 0; i < 800; i++) {
			ResponseTimes.Timing fast = this.times.start("fast", System.nanoTime());
			ResponseTimes.Timing slow = this.times.start("slow", System.nanoTime());
			assertThat(fast.earlyHintsCanHelp()).isFalse();
			assertThat(slow.earlyHintsCanHelp()).isTrue();
			assertThat(slow.isTimed()).isTrue();
			timed += fast.isTimed() ? 1 : 0;
			fast.stop();
			this.times.record("slow", SLOW);
		}
		// 100 expected: six standard deviations either side
		assertThat(timed).isBetween(45, 160);
		assertThat(this.times.describe().get("fast")).containsEntry("samples",
				ResponseTimes.SAMPLES_BEFORE_DECIDING + timed);
	}

	@Test
	void keepsHintingARouteThatThinks() {
		for (int i = 0; i < 50; i++) {
			this.times.record("slow", SLOW);
		}
		assertThat(this.times.earlyHintsCanHelp("slow")).isTrue();
		assertThat(this.times.describe().get("slow")).containsEntry("averageMillis", 100.0)
			.containsEntry("samples", 50)
			.containsEntry("earlyHints", true);
	}

	@Test
	void hintsAgainARouteThatSlowsDownAndStopsWhenItIsFastAgain() {
		for (int i = 0; i < 20; i++) {
			this.times.record("route", FAST);
		}
		assertThat(this.times.earlyHintsCanHelp("route")).isFalse();
		int slowResponses = 0;
		while (!this.times.earlyHintsCanHelp("route")) {
			this.times.record("route", SLOW);
			slowResponses++;
		}
		assertThat(slowResponses).isBetween(1, 3);
		int fastResponses = 0;
		while (this.times.earlyHintsCanHelp("route")) {
			this.times.record("route", FAST);
			fastResponses++;
		}
		assertThat(fastResponses).isBetween(1, 5);
	}

	@Test
	void forgetsASlowWarmUpAfterAFewDozenFastResponses() {
		for (int i = 0; i < ResponseTimes.SAMPLES_BEFORE_DECIDING; i++) {
			this.times.record("route", 3 * SLOW);
		}
		int fastResponses = 0;
		while (this.times.earlyHintsCanHelp("route")) {
			this.times.record("route", FAST);
			fastResponses++;
		}
		assertThat(fastResponses).isBetween(20, 30);
	}

	@Test
	void keepsNoMoreRoutesThanItsBoundAndHintsTheRest() {
		for (int i = 0; i < 20; i++) {
			this.times.record("a", FAST);
			this.times.record("b", FAST);
			this.times.record("c", FAST);
		}
		assertThat(this.times.describe()).containsOnlyKeys("a", "b");
		assertThat(this.times.earlyHintsCanHelp("a")).isFalse();
		assertThat(this.times.earlyHintsCanHelp("c")).isTrue();
	}

	@Test
	void alwaysHintsWithAZeroThreshold() {
		ResponseTimes always = new ResponseTimes(Duration.ZERO, 10);
		for (int i = 0; i < 20; i++) {
			always.record("fast", FAST);
		}
		assertThat(always.isMeasuring()).isFalse();
		assertThat(always.earlyHintsCanHelp("fast")).isTrue();
		assertThat(always.describe()).isEmpty();
		assertThat(ResponseTimes.always().earlyHintsCanHelp("fast")).isTrue();
	}

	@Test
	void rejectsANegativeThreshold() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ResponseTimes(Duration.ofMillis(-1), 10))
			.withMessageContaining("threshold");
	}

}
