package io.github.duality.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values one figure took over the runs, in run order, so that two figures can be paired run by run.
 */
final class Samples {

	private final List<Double> values = new ArrayList<>();

	void add(double value) {
		this.values.add(value);
	}

	boolean isEmpty() {
		return this.values.isEmpty();
	}

	int size() {
		return this.values.size();
	}

	double last() {
		return this.values.isEmpty() ? Double.NaN : this.values.get(this.values.size() - 1);
	}

	double total() {
		return this.values.stream().mapToDouble(Double::doubleValue).sum();
	}

	double median() {
		return median(this.values);
	}

	double min() {
		return this.values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	double max() {
		return this.values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	/** The median and the range, e.g. {@code 3120 (2980–3410)}. */
	String summary(String format) {
		if (this.values.isEmpty()) {
			return "–";
		}
		return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(), min(), max());
	}

	/** This figure over the reference's, run by run: a slow spell of the machine hits both members of a pair. */
	PairedRatio pairedRatioTo(Samples reference) {
		return PairedRatio.of(this.values, reference.values);
	}

	private static double median(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

}
