package io.github.duality.bench;

import java.time.Duration;
import java.util.List;

import io.github.duality.bench.derivation.UrlForm;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How much of everything a run does. Every loop of the harness is bounded by these counts and by timeouts.
 *
 * @param name {@code full} or {@code quick}
 * @param warmupStart whether each wiring starts once, unmeasured, before the startup rounds (migrations, page
 * cache)
 * @param startupRounds rounds of starting each wiring once, in turn; with none, the load rounds' starts are
 * measured instead
 * @param startupBudget no startup round begins after this much time of startup rounds
 * @param loadRounds rounds of loading each wiring in turn
 * @param loadBudget no load round begins after this much time of load rounds
 * @param settle the wait after healthy before sessions and memory are read (pools fill in the background)
 * @param warmup load before each measured load, per endpoint
 * @param load the measured load, per endpoint
 * @param connections concurrent connections of the load
 * @param healthSamples sequential health requests and raw connects per round
 * @param jmhIterations JMH warm-up and measurement iterations
 * @param jmhIterationTime the length of one JMH iteration
 * @param jmhForms the URL forms the JMH benchmark reads
 * @param cpuProbeOperations calls per operation of the CPU-time cross-check
 */
record RunPlan(String name, boolean warmupStart, int startupRounds, Duration startupBudget, int loadRounds,
		Duration loadBudget, Duration settle, Duration warmup,
		Duration load, int connections, int healthSamples, int jmhIterations, TimeValue jmhIterationTime,
		List<UrlForm> jmhForms, int cpuProbeOperations) {

	static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(120);

	static RunPlan full() {
		return new RunPlan("full", true, 10, Duration.ofMinutes(8), 3, Duration.ofMinutes(3), Duration.ofSeconds(2),
				Duration.ofSeconds(2), Duration.ofSeconds(6), 32,
				25, 3, TimeValue.seconds(1), List.of(UrlForm.values()), 5000);
	}

	static RunPlan quick() {
		return new RunPlan("quick", false, 0, Duration.ZERO, 1, Duration.ofMinutes(5), Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(2), 32,
				5, 1, TimeValue.milliseconds(200), List.of(UrlForm.LIBPQ), 200);
	}

	String describe() {
		String startups = (this.startupRounds > 0) ? "up to " + this.startupRounds + " startup rounds (budget "
				+ this.startupBudget.toMinutes() + " min)" : "startup measured in the load round";
		return this.name + ": " + startups + ", up to " + this.loadRounds + " load round(s) (budget "
				+ this.loadBudget.toMinutes() + " min) of "
				+ this.load.toSeconds() + " s per endpoint at " + this.connections + " connections after "
				+ this.warmup.toSeconds() + " s warm-up, " + this.healthSamples + " health samples per round, JMH "
				+ this.jmhIterations + "+" + this.jmhIterations + " × " + this.jmhIterationTime + ", 1 fork, forms "
				+ this.jmhForms;
	}

}
