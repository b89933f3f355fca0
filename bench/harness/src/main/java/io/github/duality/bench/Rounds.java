package io.github.duality.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.duality.bench.BenchDatabase.Session;
import io.github.duality.bench.BenchDatabase.Target;

/**
 * The measured rounds. Each round runs every wiring once, in an order that turns by one each round (starter,
 * baseline, naive; then baseline, naive, starter; ...), so that a slow spell of the shared machine and the place in
 * the round fall on all of them alike, and the runs of one round pair up for the ratios.
 */
final class Rounds {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final Duration SESSIONS_GONE_TIMEOUT = Duration.ofSeconds(20);

	/** The pair the targets compare, which the migration rounds and the startup rounds past the detail rounds run. */
	private static final List<Wiring> TARGET_PAIR = List.of(Wiring.STARTER, Wiring.BASELINE);

	private final RunPlan plan;

	private final BenchDatabase database;

	private final Map<Wiring, Path> jars;

	private final Path work;

	private final Measurements measurements;

	private final Wrk wrk;

	private final Probes probes;

	Rounds(RunPlan plan, BenchDatabase database, Map<Wiring, Path> jars, Path workDirectory, Measurements measurements)
			throws Exception {
		this.plan = plan;
		this.database = database;
		this.jars = jars;
		this.work = workDirectory;
		this.measurements = measurements;
		this.wrk = new Wrk(workDirectory, plan.connections());
		this.probes = new Probes(database.handWritten());
	}

	/** The wirings in the order of the given round: the first round's order turned left by {@code round - 1}. */
	static List<Wiring> order(List<Wiring> wirings, int round) {
		List<Wiring> order = new ArrayList<>();
		for (int i = 0; i < wirings.size(); i++) {
			order.add(wirings.get((round - 1 + i) % wirings.size()));
		}
		return order;
	}

	void warmupStarts() throws Exception {
		for (Wiring wiring : Wiring.values()) {
			try (AppProcess app = start(wiring, "warmup", this.database.target(), List.of())) {
				app.awaitHealthy(RunPlan.HEALTHY_TIMEOUT);
			}
		}
	}

	/**
	 * One startup round. Past the detail rounds only the starter and the baseline start: their ratio is the one
	 * with a target, and a round of two gives it about half again as many pairs in the same budget.
	 */
	void startupRound(int round) throws Exception {
		boolean details = round <= this.plan.detailRounds();
		for (Wiring wiring : order(details ? List.of(Wiring.values()) : TARGET_PAIR, round)) {
			Set<Integer> before = this.database.sessionIds();
			try (AppProcess app = start(wiring, "startup-" + round, this.database.target(), List.of())) {
				Duration healthy = app.awaitHealthy(RunPlan.HEALTHY_TIMEOUT);
				this.measurements.add("startup.ms", wiring, healthy.toNanos() / 1e6);
				if (details) {
					Thread.sleep(this.plan.settle().toMillis());
					this.measurements.addSessions("startup", wiring, sessionsSince(before));
					this.measurements.add("startup.rss", wiring, app.residentMegabytes());
					this.measurements.add("startup.heap", wiring, app.heapUsedMegabytes());
				}
			}
			awaitSessionsGone(before);
			System.out.printf("  startup round %d, %s: %.0f ms%n", round, wiring.label(),
					this.measurements.samples("startup.ms", wiring).last());
		}
	}

	/**
	 * The starter and the baseline each migrate a database of their own, new and empty, with the generated change log,
	 * which must then hold every change set: a run that applied fewer fails the bench.
	 */
	void migrationRound(int round, Path changeLog) throws Exception {
		List<String> arguments = List.of("--spring.liquibase.change-log=file:" + changeLog.toAbsolutePath());
		for (Wiring wiring : order(TARGET_PAIR, round)) {
			String name = "bench_migration_" + round + "_" + wiring.label();
			Target fresh = this.database.createDatabase(name);
			try {
				try (AppProcess app = start(wiring, "migration-" + round, fresh, arguments)) {
					Duration healthy = app.awaitHealthy(RunPlan.HEALTHY_TIMEOUT);
					long applied = this.database.changeLogRows(fresh);
					if (applied != this.plan.migrationChangeSets()) {
						throw new IllegalStateException("The " + wiring.label() + " app applied " + applied + " of "
								+ this.plan.migrationChangeSets() + " change sets to " + name + "; see " + app.log());
					}
					Duration liquibase;
					try {
						liquibase = LiquibaseLog.runTime(app.logLines());
					}
					catch (IllegalStateException ex) {
						throw new IllegalStateException(ex.getMessage() + " in " + app.log(), ex);
					}
					this.measurements.add("migration.healthy.ms", wiring, healthy.toNanos() / 1e6);
					this.measurements.add("migration.liquibase.ms", wiring, liquibase.toNanos() / 1e6);
				}
			}
			finally {
				awaitDatabaseUnused(name);
				this.database.dropDatabase(name);
			}
			System.out.printf("  migration round %d, %s: Liquibase %.0f ms, healthy after %.0f ms%n", round,
					wiring.label(), this.measurements.samples("migration.liquibase.ms", wiring).last(),
					this.measurements.samples("migration.healthy.ms", wiring).last());
		}
	}

	/**
	 * All wirings run at once, idle but for the one under load: after a warm-up, each round loads each wiring in
	 * turn for the same short time, GET then POST. Then, one wiring at a time, memory, health and, as each stops,
	 * the server sessions that end with it.
	 */
	void loadRounds() throws Exception {
		Map<Wiring, AppProcess> apps = new EnumMap<>(Wiring.class);
		try {
			// started side by side: their start is not measured here, and the cores are shared while they start
			for (Wiring wiring : Wiring.values()) {
				apps.put(wiring, start(wiring, "load", this.database.target(), List.of()));
			}
			for (AppProcess app : apps.values()) {
				app.awaitHealthy(RunPlan.HEALTHY_TIMEOUT);
			}
			Thread.sleep(this.plan.settle().toMillis());
			URI product = apps.get(Wiring.STARTER).uri("/products/" + createProduct(apps.get(Wiring.STARTER)));
			if (!this.plan.warmup().isZero()) {
				System.out.println("  warm-up: " + this.plan.warmup().toSeconds() + " s per wiring and endpoint");
				for (Wiring wiring : Wiring.values()) {
					AppProcess app = apps.get(wiring);
					this.wrk.get(app.uri(product.getPath()), this.plan.warmup());
					this.wrk.postProduct(app.uri("/products"), this.plan.warmup());
				}
			}
			long began = System.nanoTime();
			for (int round = 1; round <= this.plan.loadRounds()
					&& !BenchMain.spent(began, this.plan.loadBudget()); round++) {
				List<Wiring> order = order(List.of(Wiring.values()), round);
				for (Wiring wiring : order) {
					record("get", wiring, this.wrk.get(apps.get(wiring).uri(product.getPath()), this.plan.load()));
				}
				for (Wiring wiring : order) {
					record("post", wiring, this.wrk.postProduct(apps.get(wiring).uri("/products"), this.plan.load()));
				}
				System.out.printf("  load round %d: GET %s, POST %s req/s%n", round, lastRates("get"), lastRates("post"));
			}
			for (Wiring wiring : Wiring.values()) {
				AppProcess app = apps.get(wiring);
				this.measurements.add("load.rss", wiring, app.residentMegabytes());
				this.measurements.add("load.heap", wiring, app.heapUsedMegabytes());
				probeHealth(wiring, app);
			}
			for (Wiring wiring : Wiring.values()) {
				List<Session> running = this.database.sessions();
				apps.remove(wiring).close();
				Set<Integer> left = awaitSessionsSettled();
				this.measurements.addSessions("load", wiring,
						running.stream().filter((session) -> !left.contains(session.pid())).toList());
			}
		}
		finally {
			for (AppProcess app : apps.values()) {
				app.close();
			}
		}
	}

	private String lastRates(String endpoint) {
		List<String> rates = new ArrayList<>();
		for (Wiring wiring : Wiring.values()) {
			rates.add(wiring.label() + " "
					+ Math.round(this.measurements.samples(endpoint + ".rps", wiring).last()));
		}
		return String.join(", ", rates);
	}

	/** Health requests one at a time; beside the starter's, a raw connect + SELECT 1 on each driver, interleaved. */
	private void probeHealth(Wiring wiring, AppProcess app) throws Exception {
		URI health = app.uri("/actuator/health");
		boolean raw = wiring == Wiring.STARTER;
		for (int i = 0; i < 3; i++) {
			Probes.get(app.http(), health);
			if (raw) {
				this.probes.jdbcConnectAndSelectOne();
				this.probes.jdbcConnectAndThreeQueries();
				this.probes.r2dbcConnectAndSelectOne();
			}
		}
		for (int i = 0; i < this.plan.healthSamples(); i++) {
			this.measurements.add("health.ms", wiring, Probes.get(app.http(), health));
			if (raw) {
				this.measurements.addProbe("raw.jdbc", this.probes.jdbcConnectAndSelectOne());
				this.measurements.addProbe("raw.jdbc3", this.probes.jdbcConnectAndThreeQueries());
				this.measurements.addProbe("raw.r2dbc", this.probes.r2dbcConnectAndSelectOne());
			}
		}
	}

	private void record(String endpoint, Wiring wiring, Wrk.Result result) {
		if (result.requestsPerSecond() == 0) {
			System.out.println("  warning: " + wiring.label() + " completed no " + endpoint.toUpperCase(Locale.ROOT)
					+ " request in this round; its ratios leave the round out");
		}
		this.measurements.add(endpoint + ".rps", wiring, result.requestsPerSecond());
		this.measurements.add(endpoint + ".p50", wiring, result.p50Millis());
		this.measurements.add(endpoint + ".p99", wiring, result.p99Millis());
		this.measurements.add(endpoint + ".errors", wiring, result.errors());
	}

	private long createProduct(AppProcess app) throws Exception {
		HttpRequest create = HttpRequest.newBuilder(app.uri("/products"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark product\",\"price\":12.34}"))
			.timeout(Duration.ofSeconds(10))
			.build();
		String body = app.http().send(create, HttpResponse.BodyHandlers.ofString()).body();
		Matcher id = ID.matcher(body);
		if (!id.find()) {
			throw new IllegalStateException("POST /products gave no id: " + body);
		}
		return Long.parseLong(id.group(1));
	}

	private AppProcess start(Wiring wiring, String run, Target target, List<String> arguments) throws Exception {
		Path log = this.work.resolve(wiring.label() + "-" + run + ".log");
		return AppProcess.start(wiring, this.jars.get(wiring), target, log, arguments);
	}

	private List<Session> sessionsSince(Set<Integer> before) throws SQLException {
		return this.database.sessions().stream().filter((session) -> !before.contains(session.pid())).toList();
	}

	// a stopped app's sessions end a moment after its process; the next run must not count them
	private void awaitSessionsGone(Set<Integer> before) throws Exception {
		long deadline = System.nanoTime() + SESSIONS_GONE_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			Set<Integer> now = new HashSet<>(this.database.sessionIds());
			now.removeAll(before);
			if (now.isEmpty()) {
				return;
			}
			Thread.sleep(100);
		}
		System.out.println("  warning: sessions of a stopped app were still open after " + SESSIONS_GONE_TIMEOUT);
	}

	/** The sessions left once none has ended for half a second (those of a stopped app end a moment after it). */
	private Set<Integer> awaitSessionsSettled() throws Exception {
		long deadline = System.nanoTime() + SESSIONS_GONE_TIMEOUT.toNanos();
		Set<Integer> last = this.database.sessionIds();
		while (System.nanoTime() < deadline) {
			Thread.sleep(500);
			Set<Integer> now = this.database.sessionIds();
			if (now.equals(last)) {
				return now;
			}
			last = now;
		}
		return last;
	}

	// DROP DATABASE fails while a session of the stopped app is still ending
	private void awaitDatabaseUnused(String name) throws Exception {
		long deadline = System.nanoTime() + SESSIONS_GONE_TIMEOUT.toNanos();
		while (this.database.sessionsIn(name) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Sessions of a stopped app still use " + name + " after "
						+ SESSIONS_GONE_TIMEOUT);
			}
			Thread.sleep(100);
		}
	}

}
