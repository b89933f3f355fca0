package io.github.duality.autoconfigure.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of migration runs: {@value #RUNS} (a timer per run, tagged {@code tool}, {@code outcome} and
 * {@code applied}) and {@value #PENDING} (a gauge per tool, where the tool says what it left pending).
 */
public class MigrationMetrics {

	static final String RUNS = "duality.migration";

	static final String PENDING = "duality.migration.pending";

	private final MeterRegistry registry;

	private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();

	public MigrationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * @param tool {@code liquibase} or {@code flyway}
	 * @param success whether the run completed
	 * @param applied change sets or migrations applied by the run
	 * @param duration how long the run took
	 */
	void recordRun(String tool, boolean success, int applied, Duration duration) {
		Timer.builder(RUNS)
			.description("Migration runs over the JDBC path")
			.tag("tool", tool)
			.tag("outcome", success ? "success" : "failure")
			.tag("applied", String.valueOf(applied))
			.register(this.registry)
			.record(duration);
	}

	void recordPending(String tool, int count) {
		this.pending.computeIfAbsent(tool, (name) -> {
			AtomicInteger value = new AtomicInteger();
			Gauge.builder(PENDING, value, AtomicInteger::get)
				.description("Migrations the last run left pending")
				.tag("tool", name)
				.strongReference(true)
				.register(this.registry);
			return value;
		}).set(count);
	}

}
