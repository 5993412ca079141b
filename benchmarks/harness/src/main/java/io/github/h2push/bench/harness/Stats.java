package io.github.h2push.bench.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The samples of one measured variant, and their median, minimum and maximum.
 */
final class Stats {

	private final List<Double> samples = new ArrayList<>();

	void add(double sample) {
		this.samples.add(sample);
	}

	int count() {
		return this.samples.size();
	}

	double median() {
		List<Double> sorted = sorted();
		int n = sorted.size();
		if (n == 0) {
			return Double.NaN;
		}
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	/**
	 * A 95 % confidence interval for the median that assumes nothing of the samples'
	 * distribution, only that they are independent: the order statistics x(k) and
	 * x(n + 1 - k), with k the largest for which fewer than k of n samples fall below the
	 * median with a probability of at most 2.5 % (Bin(n, 1/2)). {@code null} below 6
	 * samples, where no such k exists.
	 */
	Interval medianInterval() {
		List<Double> sorted = sorted();
		int n = sorted.size();
		// P(X = i) for X ~ Bin(n, 1/2), summed while the tail stays within 2.5 %
		double probability = Math.pow(0.5, n);
		double tail = 0;
		int k = 0;
		while (k < n && tail + probability <= 0.025) {
			tail += probability;
			probability = probability * (n - k) / (k + 1);
			k++;
		}
		return (k == 0) ? null : new Interval(sorted.get(k - 1), sorted.get(n - k));
	}

	double min() {
		return this.samples.isEmpty() ? Double.NaN : Collections.min(this.samples);
	}

	double max() {
		return this.samples.isEmpty() ? Double.NaN : Collections.max(this.samples);
	}

	/** An interval of sample values, both ends included. */
	record Interval(double low, double high) {
	}

	private List<Double> sorted() {
		List<Double> sorted = new ArrayList<>(this.samples);
		Collections.sort(sorted);
		return sorted;
	}

}
