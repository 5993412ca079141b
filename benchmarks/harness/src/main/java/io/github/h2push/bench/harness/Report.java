package io.github.h2push.bench.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a run: measured variants (median, min, max), ratios against their
 * targets, functional checks, and figures that could not be produced. Printed as
 * Markdown tables.
 */
final class Report {

	private final Map<String, Row> rows = new LinkedHashMap<>();

	private final List<Ratio> ratios = new ArrayList<>();

	private final List<Check> checks = new ArrayList<>();

	private final Map<String, String> missing = new LinkedHashMap<>();

	private final List<String> expectedFigures = new ArrayList<>();

	record Row(String figure, String variant, String unit, Stats stats, List<String> notes) {
	}

	// interval: of the median of the runs' ratios, null for a ratio of medians
	record Ratio(String figure, String what, double value, Stats.Interval interval, String target, Boolean met) {
	}

	record Check(String figure, String what, boolean passed, String detail) {
	}

	void expect(String figure) {
		this.expectedFigures.add(figure);
	}

	Stats stats(String figure, String variant, String unit) {
		return this.rows.computeIfAbsent(figure + "|" + variant,
				(key) -> new Row(figure, variant, unit, new Stats(), new ArrayList<>()))
			.stats();
	}

	void note(String figure, String variant, String note) {
		Row row = this.rows.get(figure + "|" + variant);
		if (row != null && !row.notes().contains(note)) {
			row.notes().add(note);
		}
	}

	double median(String figure, String variant) {
		Row row = this.rows.get(figure + "|" + variant);
		return (row != null) ? row.stats().median() : Double.NaN;
	}

	/** A ratio with a target: {@code atMost} true means lower is better. */
	void ratio(String figure, String what, double value, double target, boolean atMost) {
		ratio(figure, what, value, null, target, atMost);
	}

	/** The median of the runs' ratios, with its interval, against a target. */
	void ratio(String figure, String what, Stats ratios, double target, boolean atMost) {
		ratio(figure, what, ratios.median(), ratios.medianInterval(), target, atMost);
	}

	private void ratio(String figure, String what, double value, Stats.Interval interval, double target,
			boolean atMost) {
		Boolean met = Double.isNaN(value) ? null : (atMost ? value <= target : value >= target);
		this.ratios.add(new Ratio(figure, what, value, interval, (atMost ? "≤ " : "≥ ") + format(target), met));
	}

	/** A ratio shown for information. */
	void ratio(String figure, String what, double value) {
		this.ratios.add(new Ratio(figure, what, value, null, "", null));
	}

	/** The median of the runs' ratios, with its interval, shown for information. */
	void ratio(String figure, String what, Stats ratios) {
		this.ratios.add(new Ratio(figure, what, ratios.median(), ratios.medianInterval(), "", null));
	}

	void check(String figure, String what, boolean passed, String detail) {
		this.checks.add(new Check(figure, what, passed, detail));
	}

	void missing(String figure, String why) {
		this.missing.put(figure, why);
	}

	/**
	 * Figures expected but not produced: failed, skipped, without rows, with a variant
	 * that has no samples, or with a ratio that could not be computed.
	 */
	List<String> notProduced() {
		List<String> result = new ArrayList<>();
		for (String figure : this.expectedFigures) {
			if (this.missing.containsKey(figure)) {
				result.add(figure + ": " + this.missing.get(figure));
				continue;
			}
			List<Row> rows = this.rows.values().stream().filter((row) -> row.figure().equals(figure)).toList();
			List<String> empty = rows.stream().filter((row) -> row.stats().count() == 0).map(Row::variant).toList();
			List<String> undefined = this.ratios.stream()
				.filter((ratio) -> ratio.figure().equals(figure) && !Double.isFinite(ratio.value()))
				.map(Ratio::what)
				.toList();
			if (rows.isEmpty()) {
				result.add(figure + ": no samples");
			}
			else if (!empty.isEmpty()) {
				result.add(figure + ": no samples for " + empty);
			}
			else if (!undefined.isEmpty()) {
				result.add(figure + ": no value for " + undefined);
			}
		}
		return result;
	}

	boolean checksPassed() {
		return this.checks.stream().allMatch(Check::passed);
	}

	String render() {
		StringBuilder out = new StringBuilder();
		out.append("| figure | variant | median | min | max | runs | notes |\n");
		out.append("|---|---|---:|---:|---:|---:|---|\n");
		for (Row row : this.rows.values()) {
			Stats stats = row.stats();
			out.append("| ").append(row.figure()).append(" | ").append(row.variant()).append(" | ")
				.append(format(stats.median())).append(' ').append(row.unit()).append(" | ")
				.append(format(stats.min())).append(" | ").append(format(stats.max())).append(" | ")
				.append(stats.count()).append(" | ").append(String.join("; ", row.notes())).append(" |\n");
		}
		out.append("\n| figure | ratio (of medians, or of each run's two variants where it says) | value "
				+ "| 95 % interval of the runs' median | target | met |\n");
		out.append("|---|---|---:|---:|---|---|\n");
		for (Ratio ratio : this.ratios) {
			Stats.Interval interval = ratio.interval();
			out.append("| ").append(ratio.figure()).append(" | ").append(ratio.what()).append(" | ")
				.append(format(ratio.value())).append(" | ")
				.append((interval != null) ? format(interval.low()) + " – " + format(interval.high()) : "")
				.append(" | ").append(ratio.target()).append(" | ")
				.append((ratio.met() == null) ? "" : (ratio.met() ? "yes" : "**no**")).append(" |\n");
		}
		if (!this.checks.isEmpty()) {
			out.append("\n| figure | check | passed | detail |\n|---|---|---|---|\n");
			for (Check check : this.checks) {
				out.append("| ").append(check.figure()).append(" | ").append(check.what()).append(" | ")
					.append(check.passed() ? "yes" : "**no**").append(" | ").append(check.detail()).append(" |\n");
			}
		}
		if (!this.missing.isEmpty()) {
			out.append("\nNot produced:\n");
			this.missing.forEach((figure, why) -> out.append("- ").append(figure).append(": ").append(why).append('\n'));
		}
		return out.toString();
	}

	static String format(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		double abs = Math.abs(value);
		String pattern = (abs >= 1000) ? "%.0f" : (abs >= 100) ? "%.1f" : (abs >= 10) ? "%.2f" : "%.3f";
		return String.format(Locale.ROOT, pattern, value);
	}

}
