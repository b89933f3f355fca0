package io.github.duality.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.duality.bench.derivation.CpuTimeProbe;
import io.github.duality.bench.derivation.DerivationRun;
import io.github.duality.bench.derivation.DerivationRun.Figure;

/**
 * {@code bench/run}'s entry point: {@code [--quick] --output FILE --work DIR --commit TEXT --starter JAR --baseline JAR
 * --naive JAR}. The database is {@code DATABASE_URL} when set, otherwise the project's test PostgreSQL, started here
 * and stopped when this JVM exits.
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		RunPlan plan = options.containsKey("quick") ? RunPlan.quick() : RunPlan.full();
		Map<Wiring, Path> jars = new EnumMap<>(Wiring.class);
		for (Wiring wiring : Wiring.values()) {
			jars.put(wiring, Path.of(required(options, wiring.label())));
		}
		Path work = Files.createDirectories(Path.of(required(options, "work")));
		Instant began = Instant.now();
		String loadBefore = Machine.loadAverage();
		Measurements measurements = new Measurements();
		String database;
		System.out.println("Benchmark run, " + plan.describe());
		try (BenchDatabase db = BenchDatabase.open(System.getenv("DATABASE_URL"))) {
			database = db.origin();
			System.out.println("Database: " + database + "; app logs in " + work);
			Rounds rounds = new Rounds(plan, db, jars, work, measurements);
			if (plan.warmupStart()) {
				System.out.println("Warm-up: one unmeasured start of each wiring");
				rounds.warmupStarts();
			}
			System.out.println("Startup rounds");
			long startups = System.nanoTime();
			for (int round = 1; round <= plan.startupRounds() && !spent(startups, plan.startupBudget()); round++) {
				rounds.startupRound(round);
			}
			System.out.println("Migration rounds: " + plan.migrationChangeSets() + " change sets on a fresh database");
			Path changeLog = MigrationChangeLog.write(work.resolve("migration-changelog.yaml"),
					plan.migrationChangeSets());
			long migrations = System.nanoTime();
			for (int round = 1; round <= plan.migrationRounds() && !spent(migrations, plan.migrationBudget()); round++) {
				rounds.migrationRound(round, changeLog);
			}
			System.out.println("Load rounds: all wirings running, loaded in turn");
			rounds.loadRounds();
		}
		System.out.println("JMH: derivation benchmark");
		List<Figure> derivation = DerivationRun.run(plan.jmhIterations(), plan.jmhIterationTime(),
				plan.jmhForms());
		List<Figure> derivationCpu = CpuTimeProbe.run(plan.cpuProbeOperations(), plan.jmhForms());
		Map<String, String> header = new LinkedHashMap<>();
		header.put("machine", Machine.description());
		header.put("JDK", Machine.jdk());
		header.put("cores", String.valueOf(Machine.cores()));
		header.put("date", began.truncatedTo(ChronoUnit.SECONDS).toString());
		header.put("commit", required(options, "commit"));
		header.put("database", database);
		header.put("load average (1, 5, 15 min)", "before " + loadBefore + ", after " + Machine.loadAverage()
				+ " (shared machine: other builds ran too, so expect noise)");
		header.put("run", plan.describe() + "; app JVMs: " + String.join(" ", AppProcess.JVM_OPTIONS) + "; took "
				+ Math.round((Instant.now().toEpochMilli() - began.toEpochMilli()) / 1000.0) + " s");
		String report = new Report(measurements, derivation, derivationCpu, plan.migrationChangeSets()).render(header);
		Path output = Path.of(required(options, "output"));
		Files.createDirectories(output.toAbsolutePath().getParent());
		Files.writeString(output, report);
		System.out.println();
		System.out.println(report);
		System.out.println("Saved to " + output);
		// the test PostgreSQL stops in a shutdown hook; driver threads must not keep this JVM alive
		System.exit(0);
	}

	/** Whether the budget since the given {@link System#nanoTime()} is spent; says so when it is. */
	static boolean spent(long since, Duration budget) {
		boolean spent = System.nanoTime() - since >= budget.toNanos();
		if (spent) {
			System.out.println("  time budget of " + budget.toSeconds() + " s spent: no more rounds of this kind");
		}
		return spent;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument: " + args[i]);
			}
			String name = args[i].substring(2);
			options.put(name, name.equals("quick") ? "" : args[++i]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("Missing --" + name);
		}
		return value;
	}

}
