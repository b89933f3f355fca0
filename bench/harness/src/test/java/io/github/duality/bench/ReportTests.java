package io.github.duality.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTests {

	@Test
	void givesEachRatioTargetItsIntervalAndAThreeWayVerdictInTheTableAndInWords() {
		Measurements measurements = new Measurements();
		for (int round = 0; round < 30; round++) {
			// startup 0.99-1.01 × the baseline and Liquibase 0.97-0.99 ×: wholly under 1.02
			measurements.add("startup.ms", Wiring.BASELINE, 1000);
			measurements.add("startup.ms", Wiring.STARTER, 990 + (round % 3) * 10);
			measurements.add("migration.liquibase.ms", Wiring.BASELINE, 1000);
			measurements.add("migration.liquibase.ms", Wiring.STARTER, 970 + (round % 3) * 10);
			// healthy with the migration: 1.05-1.07 ×, wholly over 1.02
			measurements.add("migration.healthy.ms", Wiring.BASELINE, 1000);
			measurements.add("migration.healthy.ms", Wiring.STARTER, 1050 + (round % 3) * 10);
		}
		String report = new Report(measurements, List.of(), List.of(), 300).render(Map.of("machine", "test"));
		assertThat(report).contains(
				"| startup to healthy, starter / baseline ≤ 1.02 | 1.000 [0.990–1.010] | reached |",
				"| migration, Liquibase run, starter / baseline ≤ 1.02 | 0.980 [0.970–0.990] | reached |",
				"| migration, start to healthy, starter / baseline ≤ 1.02 | 1.060 [1.050–1.070] | **missed** |",
				"| GET /products/{id} throughput, starter / baseline ≥ 0.99 | – | cannot tell: too few pairs |",
				"In words: of 7 ratio targets, 2 reached, 1 missed, 4 cannot tell",
				"- migration, start to healthy, starter / baseline ≤ 1.02: 1.060 (95% interval 1.050–1.070 over 30 "
						+ "pairs, IQR 1.050–1.070); missed: even the interval's better end is beyond 1.02.");
	}

	@Test
	void anIntervalAcrossTheTargetIsTooNoisyToTell() {
		Measurements measurements = new Measurements();
		for (int round = 0; round < 30; round++) {
			measurements.add("startup.ms", Wiring.BASELINE, 1000);
			measurements.add("startup.ms", Wiring.STARTER, 960 + (round % 10) * 12);
		}
		String report = new Report(measurements, List.of(), List.of(), 300).render(Map.of("machine", "test"));
		assertThat(report).contains(
				"| startup to healthy, starter / baseline ≤ 1.02 | 1.014 [0.996–1.032] | cannot tell: the machine was too noisy |",
				"- startup to healthy, starter / baseline ≤ 1.02: 1.014 (95% interval 0.996–1.032 over 30 pairs, "
						+ "IQR 0.984–1.044); cannot tell: the interval straddles 1.02; the machine was too noisy for "
						+ "this many pairs (or the ratio is too close to call).");
	}

}
