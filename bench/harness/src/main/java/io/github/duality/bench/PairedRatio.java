package io.github.duality.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ratio of two wirings' figures over runs that pair up (same round, back to back), with a spread a reader can
 * judge by: the median of the run-by-run ratios, its distribution-free confidence interval from order statistics
 * (the binomial interval of the median, no assumption about the shape of the noise), and the interquartile range of
 * the ratios.
 *
 * @param pairs the number of pairs
 * @param median the median of the ratios
 * @param lower the interval's lower end, a ratio that was measured
 * @param upper the interval's upper end, a ratio that was measured
 * @param confidence how often such an interval holds the true median: {@link #CONFIDENCE} or more when there are
 * enough pairs, less (the whole range) when there are not
 * @param lowerQuartile the 25th percentile of the ratios (linear interpolation between ranks)
 * @param upperQuartile the 75th percentile of the ratios
 */
record PairedRatio(int pairs, double median, double lower, double upper, double confidence, double lowerQuartile,
		double upperQuartile) {

	static final double CONFIDENCE = 0.95;

	/**
	 * Pairs in run order; the longer list's extra runs have no partner and are left out, and so are pairs with a
	 * figure that is not a positive number (a load round that completed no request has no ratio).
	 */
	static PairedRatio of(List<Double> values, List<Double> reference) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < Math.min(values.size(), reference.size()); i++) {
			double ratio = values.get(i) / reference.get(i);
			if (values.get(i) > 0 && Double.isFinite(ratio) && ratio > 0) {
				ratios.add(ratio);
			}
		}
		return ofRatios(ratios);
	}

	static PairedRatio ofRatios(List<Double> ratios) {
		List<Double> sorted = ratios.stream().sorted().toList();
		int n = sorted.size();
		if (n == 0) {
			return new PairedRatio(0, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);
		}
		// the largest rank k whose interval [x(k), x(n-k+1)] still covers the median with CONFIDENCE; at least 1
		int k = 1;
		while (k + 1 <= (n + 1) / 2 && 2 * binomialHalfCdf(n, k) <= 1 - CONFIDENCE) {
			k++;
		}
		double confidence = 1 - 2 * binomialHalfCdf(n, k - 1);
		return new PairedRatio(n, quantile(sorted, 0.5), sorted.get(k - 1), sorted.get(n - k), confidence,
				quantile(sorted, 0.25), quantile(sorted, 0.75));
	}

	/** P(X ≤ k) for X ~ Binomial(n, 1/2). */
	private static double binomialHalfCdf(int n, int k) {
		double term = Math.pow(0.5, n);
		double sum = 0;
		for (int i = 0; i <= k; i++) {
			sum += term;
			term = term * (n - i) / (i + 1);
		}
		return sum;
	}

	private static double quantile(List<Double> sorted, double p) {
		double h = (sorted.size() - 1) * p;
		int below = (int) Math.floor(h);
		int above = Math.min(below + 1, sorted.size() - 1);
		return sorted.get(below) + (h - below) * (sorted.get(above) - sorted.get(below));
	}

	boolean isConfident() {
		return this.pairs > 0 && this.confidence >= CONFIDENCE;
	}

	/**
	 * Reached when the whole interval lies on the good side of the bound, missed when it lies wholly on the bad side,
	 * otherwise this run cannot tell: too noisy (or too close to call), or too few pairs for a 95% interval.
	 * @param bound the target ratio
	 * @param atMost whether the ratio should be at most the bound (a time) rather than at least (a throughput)
	 */
	Verdict judge(double bound, boolean atMost) {
		if (!isConfident()) {
			return Verdict.TOO_FEW_PAIRS;
		}
		double good = atMost ? this.upper : -this.lower;
		double bad = atMost ? this.lower : -this.upper;
		double limit = atMost ? bound : -bound;
		if (good <= limit) {
			return Verdict.REACHED;
		}
		return (bad > limit) ? Verdict.MISSED : Verdict.TOO_NOISY;
	}

	/** For a table cell, e.g. {@code 1.037 [1.012–1.061]}; the interval only when there is one worth the name. */
	String summary() {
		if (this.pairs == 0) {
			return "–";
		}
		return isConfident() ? format("%.3f [%.3f–%.3f]", this.median, this.lower, this.upper)
				: format("%.3f (range %.3f–%.3f)", this.median, this.lower, this.upper);
	}

	/** The spread in words, e.g. {@code 95% interval 1.012–1.061 over 30 pairs, IQR 1.020–1.050}. */
	String spread() {
		if (this.pairs == 0) {
			return "no pairs";
		}
		if (!isConfident()) {
			return format("only %d pair%s, range %.3f–%.3f", this.pairs, (this.pairs == 1) ? "" : "s", this.lower,
					this.upper);
		}
		return format("%.0f%% interval %.3f–%.3f over %d pairs, IQR %.3f–%.3f", CONFIDENCE * 100, this.lower,
				this.upper, this.pairs, this.lowerQuartile, this.upperQuartile);
	}

	private static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	/** What a run can say about a ratio target. */
	enum Verdict {

		REACHED("reached"),

		MISSED("**missed**"),

		TOO_NOISY("cannot tell: the machine was too noisy"),

		TOO_FEW_PAIRS("cannot tell: too few pairs");

		private final String text;

		Verdict(String text) {
			this.text = text;
		}

		String text() {
			return this.text;
		}

	}

}
