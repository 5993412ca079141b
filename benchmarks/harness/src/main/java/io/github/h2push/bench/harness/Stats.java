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

	double min() {
		return this.samples.isEmpty() ? Double.NaN : Collections.min(this.samples);
	}

	double max() {
		return this.samples.isEmpty() ? Double.NaN : Collections.max(this.samples);
	}

	private List<Double> sorted() {
		List<Double> sorted = new ArrayList<>(this.samples);
		Collections.sort(sorted);
		return sorted;
	}

}
