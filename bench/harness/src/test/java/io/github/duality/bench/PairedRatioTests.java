package io.github.duality.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.github.duality.bench.PairedRatio.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedRatioTests {

	// ratios 1.00, 1.01, ..., 1.29 in shuffled run order
	private static final PairedRatio THIRTY = PairedRatio.of(shuffled(30, 100), constant(30, 100));

	@Test
	void medianOfThirtyPairsWithTheOrderStatisticIntervalAndQuartiles() {
		assertThat(THIRTY.pairs()).isEqualTo(30);
		assertThat(THIRTY.median()).isCloseTo(1.145, within(1e-12));
		// binomial(30, 1/2): ranks 10 and 21 cover the median with 1 - 2 P(X <= 9) = 0.9572
		assertThat(THIRTY.lower()).isCloseTo(1.09, within(1e-12));
		assertThat(THIRTY.upper()).isCloseTo(1.20, within(1e-12));
		assertThat(THIRTY.confidence()).isCloseTo(0.95723, within(1e-5));
		assertThat(THIRTY.lowerQuartile()).isCloseTo(1.0725, within(1e-12));
		assertThat(THIRTY.upperQuartile()).isCloseTo(1.2175, within(1e-12));
		assertThat(THIRTY.summary()).isEqualTo("1.145 [1.090–1.200]");
		assertThat(THIRTY.spread()).isEqualTo("95% interval 1.090–1.200 over 30 pairs, IQR 1.073–1.218");
	}

	@Test
	void pairsRunsInOrderAndLeavesUnpairedRunsOut() {
		PairedRatio ratio = PairedRatio.of(List.of(110.0, 220.0, 90.0, 500.0), List.of(100.0, 200.0, 100.0));
		assertThat(ratio.pairs()).isEqualTo(3);
		assertThat(ratio.median()).isCloseTo(1.1, within(1e-12));
		PairedRatio withEmptyRounds = PairedRatio.of(List.of(110.0, 0.0, 90.0, 120.0, Double.NaN),
				List.of(100.0, 200.0, 0.0, 100.0, 100.0));
		assertThat(withEmptyRounds.pairs()).isEqualTo(2);
		assertThat(withEmptyRounds.median()).isCloseTo(1.15, within(1e-12));
	}

	@Test
	void reachedOnlyWhenTheWholeIntervalIsOnTheGoodSide() {
		assertThat(THIRTY.judge(1.25, true)).isEqualTo(Verdict.REACHED);
		assertThat(THIRTY.judge(1.20, true)).isEqualTo(Verdict.REACHED);
		assertThat(THIRTY.judge(1.05, true)).isEqualTo(Verdict.MISSED);
		assertThat(THIRTY.judge(1.15, true)).isEqualTo(Verdict.TOO_NOISY);
		assertThat(THIRTY.judge(1.05, false)).isEqualTo(Verdict.REACHED);
		assertThat(THIRTY.judge(1.25, false)).isEqualTo(Verdict.MISSED);
		assertThat(THIRTY.judge(1.15, false)).isEqualTo(Verdict.TOO_NOISY);
	}

	@Test
	void fiveOrFewerPairsGiveOnlyTheirRangeAndNoVerdict() {
		PairedRatio five = PairedRatio.ofRatios(List.of(1.0, 1.1, 1.2, 1.3, 1.4));
		assertThat(five.lower()).isEqualTo(1.0);
		assertThat(five.upper()).isEqualTo(1.4);
		assertThat(five.confidence()).isCloseTo(0.9375, within(1e-12));
		assertThat(five.judge(2, true)).isEqualTo(Verdict.TOO_FEW_PAIRS);
		assertThat(five.summary()).isEqualTo("1.200 (range 1.000–1.400)");
		assertThat(five.spread()).isEqualTo("only 5 pairs, range 1.000–1.400");
		PairedRatio six = PairedRatio.ofRatios(List.of(1.0, 1.1, 1.2, 1.3, 1.4, 1.5));
		assertThat(six.confidence()).isCloseTo(0.96875, within(1e-12));
		assertThat(six.judge(2, true)).isEqualTo(Verdict.REACHED);
	}

	@Test
	void noPairsNoFigure() {
		PairedRatio none = PairedRatio.of(List.of(), List.of(1.0));
		assertThat(none.pairs()).isZero();
		assertThat(none.summary()).isEqualTo("–");
		assertThat(none.judge(1.02, true)).isEqualTo(Verdict.TOO_FEW_PAIRS);
	}

	private static List<Double> shuffled(int n, double base) {
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			values.add(base + i);
		}
		Collections.shuffle(values, new Random(17));
		return values;
	}

	private static List<Double> constant(int n, double value) {
		return Collections.nCopies(n, value);
	}

}
