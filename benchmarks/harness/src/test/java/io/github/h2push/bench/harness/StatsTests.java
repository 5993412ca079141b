package io.github.h2push.bench.harness;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Stats}.
 */
class StatsTests {

	@Test
	void medianIntervalOfFortySamplesIsTheirFourteenthAndTwentySeventh() {
		// P(Bin(40, 1/2) <= 13) = 0.019 and P(Bin(40, 1/2) <= 14) = 0.040
		Stats stats = samples(40);
		assertThat(stats.medianInterval()).isEqualTo(new Stats.Interval(14, 27));
		assertThat(stats.median()).isEqualTo(20.5);
	}

	@Test
	void medianIntervalOfTwentySamplesIsTheirSixthAndFifteenth() {
		// P(Bin(20, 1/2) <= 5) = 0.021 and P(Bin(20, 1/2) <= 6) = 0.058
		assertThat(samples(20).medianInterval()).isEqualTo(new Stats.Interval(6, 15));
	}

	@Test
	void medianIntervalOfSixSamplesIsTheirRange() {
		// P(Bin(6, 1/2) = 0) = 0.016 and P(Bin(6, 1/2) <= 1) = 0.109
		assertThat(samples(6).medianInterval()).isEqualTo(new Stats.Interval(1, 6));
	}

	@Test
	void fewerThanSixSamplesHaveNoMedianInterval() {
		// P(Bin(5, 1/2) = 0) = 0.031, over 2.5 %
		assertThat(samples(5).medianInterval()).isNull();
		assertThat(new Stats().medianInterval()).isNull();
	}

	@Test
	void medianIntervalTakesTheSamplesInOrder() {
		Stats stats = new Stats();
		IntStream.rangeClosed(1, 6).map((i) -> 7 - i).forEach(stats::add);
		stats.add(0.5);
		// seven samples: P(Bin(7, 1/2) = 0) = 0.008, P(Bin(7, 1/2) <= 1) = 0.063
		assertThat(stats.medianInterval()).isEqualTo(new Stats.Interval(0.5, 6));
	}

	// the samples 1 to n, added in reverse
	private static Stats samples(int n) {
		Stats stats = new Stats();
		for (int i = n; i >= 1; i--) {
			stats.add(i);
		}
		return stats;
	}

}
