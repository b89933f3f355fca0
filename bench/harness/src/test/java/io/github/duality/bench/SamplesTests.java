package io.github.duality.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SamplesTests {

	@Test
	void summarizesMedianAndRange() {
		Samples samples = samples(30, 10, 20, 40);
		assertThat(samples.median()).isEqualTo(25);
		assertThat(samples.summary("%.0f")).isEqualTo("25 (10–40)");
	}

	@Test
	void pairsRunsInOrderForTheirRatio() {
		Samples starter = samples(110, 220, 90);
		Samples baseline = samples(100, 200, 100);
		assertThat(starter.pairedRatioTo(baseline).median()).isCloseTo(1.1, within(1e-12));
	}

	private static Samples samples(double... values) {
		Samples samples = new Samples();
		for (double value : values) {
			samples.add(value);
		}
		return samples;
	}

}
