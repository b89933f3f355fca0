package io.github.duality.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.github.duality.bench.derivation.UrlForm;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How much of everything a run does. Every loop of the harness is bounded by these counts and by timeouts; the
 * budgets decide how many rounds a run gets on a slow machine.
 *
 * @param name {@code full} or {@code quick}
 * @param warmupStart whether each wiring starts once, unmeasured, before the startup rounds (migrations, page
 * cache)
 * @param startupRounds rounds of starting each wiring once (past the detail rounds only the starter and the
 * baseline), in an order that turns by one each round
 * @param startupBudget no startup round begins after this much time of startup rounds
 * @param detailRounds the first startup rounds that also wait {@code settle} and read sessions and memory
 * @param migrationChangeSets change sets of the generated change log of the migration rounds
 * @param migrationRounds rounds of migrating a fresh database with the starter and with the baseline, in turn
 * @param migrationBudget no migration round begins after this much time of migration rounds
 * @param loadRounds rounds of loading each running wiring in turn, per endpoint
 * @param loadBudget no load round begins after this much time of load rounds
 * @param settle the wait after healthy before sessions and memory are read (pools fill in the background)
 * @param warmup load before the load rounds, per wiring and endpoint; none when zero
 * @param load the measured load of one round, per wiring and endpoint
 * @param connections concurrent connections of the load
 * @param healthSamples sequential health requests per wiring
 * @param jmhIterations JMH warm-up and measurement iterations
 * @param jmhIterationTime the length of one JMH iteration
 * @param jmhForms the URL forms the JMH benchmark reads
 * @param cpuProbeOperations calls per operation of the CPU-time cross-check
 */
record RunPlan(String name, boolean warmupStart, int startupRounds, Duration startupBudget, int detailRounds,
		int migrationChangeSets, int migrationRounds, Duration migrationBudget, int loadRounds, Duration loadBudget,
		Duration settle, Duration warmup, Duration load, int connections, int healthSamples, int jmhIterations,
		TimeValue jmhIterationTime, List<UrlForm> jmhForms, int cpuProbeOperations) {

	static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(120);

	static RunPlan full() {
		return new RunPlan("full", true, 40, Duration.ofSeconds(390), 5, 300, 30, Duration.ofMinutes(3), 30,
				Duration.ofSeconds(150), Duration.ofSeconds(2), Duration.ofSeconds(40), Duration.ofSeconds(3), 32, 25, 3,
				TimeValue.seconds(1), List.of(UrlForm.values()), 5000);
	}

	static RunPlan quick() {
		return new RunPlan("quick", false, 1, Duration.ofMinutes(1), 1, 20, 1, Duration.ofMinutes(1), 2,
				Duration.ofMinutes(1), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1), 32, 5, 1,
				TimeValue.milliseconds(200), List.of(UrlForm.LIBPQ), 200);
	}

	String describe() {
		return this.name + ": up to " + this.startupRounds + " startup rounds (budget " + minutes(this.startupBudget)
				+ "), up to " + this.migrationRounds + " migration rounds of " + this.migrationChangeSets
				+ " change sets (budget " + minutes(this.migrationBudget) + "), up to " + this.loadRounds
				+ " load rounds (budget " + minutes(this.loadBudget) + ") of " + this.load.toSeconds()
				+ " s per wiring and endpoint at " + this.connections + " connections after "
				+ (this.warmup.isZero() ? "no" : this.warmup.toSeconds() + " s") + " warm-up, " + this.healthSamples + " health samples per wiring, JMH "
				+ this.jmhIterations + "+" + this.jmhIterations + " × " + this.jmhIterationTime + ", 1 fork, forms "
				+ this.jmhForms;
	}

	private static String minutes(Duration budget) {
		return String.format(Locale.ROOT, "%.1f min", budget.toSeconds() / 60.0);
	}

}
