package io.github.duality.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.duality.bench.BenchDatabase.Session;

/**
 * The measured rounds. Each round runs every wiring once, in turn (starter, baseline, naive, starter, ...), so a
 * slow spell of the shared machine falls on all of them, and each run starts from a database with none of the
 * previous run's sessions left.
 */
final class Rounds {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final Duration SESSIONS_GONE_TIMEOUT = Duration.ofSeconds(20);

	private final RunPlan plan;

	private final BenchDatabase database;

	private final Map<Wiring, Path> jars;

	private final Path logs;

	private final Measurements measurements;

	private final Wrk wrk;

	private final Probes probes;

	private long productId = -1;

	Rounds(RunPlan plan, BenchDatabase database, Map<Wiring, Path> jars, Path workDirectory, Measurements measurements)
			throws Exception {
		this.plan = plan;
		this.database = database;
		this.jars = jars;
		this.logs = workDirectory;
		this.measurements = measurements;
		this.wrk = new Wrk(workDirectory, plan.connections());
		this.probes = new Probes(database.handWritten());
	}

	void warmupStarts() throws Exception {
		for (Wiring wiring : Wiring.values()) {
			try (AppProcess app = start(wiring, "warmup")) {
				app.awaitHealthy(RunPlan.HEALTHY_TIMEOUT);
			}
		}
	}

	void startupRound(int round) throws Exception {
		for (Wiring wiring : Wiring.values()) {
			Set<Integer> before = this.database.sessionIds();
			try (AppProcess app = start(wiring, "startup-" + round)) {
				measureStartup(wiring, app, before);
			}
			awaitSessionsGone(before);
			System.out.printf("  startup round %d, %s: %.0f ms%n", round, wiring.label(),
					this.measurements.samples("startup.ms", wiring).last());
		}
	}

	/**
	 * @param round the round's number
	 * @param measureStartup whether these starts are measured as startups too (a quick run has no startup rounds)
	 */
	void loadRound(int round, boolean measureStartup) throws Exception {
		for (Wiring wiring : Wiring.values()) {
			Set<Integer> before = this.database.sessionIds();
			try (AppProcess app = start(wiring, "load-" + round)) {
				if (measureStartup) {
					measureStartup(wiring, app, before);
				}
				else {
					app.awaitHealthy(RunPlan.HEALTHY_TIMEOUT);
					Thread.sleep(this.plan.settle().toMillis());
				}
				if (this.productId < 0) {
					this.productId = createProduct(app);
				}
				URI product = app.uri("/products/" + this.productId);
				this.wrk.get(product, this.plan.warmup());
				record("get", wiring, this.wrk.get(product, this.plan.load()));
				this.wrk.postProduct(app.uri("/products"), this.plan.warmup());
				record("post", wiring, this.wrk.postProduct(app.uri("/products"), this.plan.load()));
				this.measurements.addSessions("load", wiring, sessionsSince(before));
				this.measurements.add("load.rss", wiring, app.residentMegabytes());
				this.measurements.add("load.heap", wiring, app.heapUsedMegabytes());
				probeHealth(wiring, app);
			}
			awaitSessionsGone(before);
			System.out.printf("  load round %d, %s: GET %.0f req/s, POST %.0f req/s%n", round, wiring.label(),
					this.measurements.samples("get.rps", wiring).last(),
					this.measurements.samples("post.rps", wiring).last());
		}
	}

	private void measureStartup(Wiring wiring, AppProcess app, Set<Integer> before) throws Exception {
		Duration healthy = app.awaitHealthy(RunPlan.HEALTHY_TIMEOUT);
		this.measurements.add("startup.ms", wiring, healthy.toNanos() / 1e6);
		Thread.sleep(this.plan.settle().toMillis());
		this.measurements.addSessions("startup", wiring, sessionsSince(before));
		this.measurements.add("startup.rss", wiring, app.residentMegabytes());
		this.measurements.add("startup.heap", wiring, app.heapUsedMegabytes());
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

	private AppProcess start(Wiring wiring, String run) throws Exception {
		Path log = this.logs.resolve(wiring.label() + "-" + run + ".log");
		return AppProcess.start(wiring, this.jars.get(wiring), this.database, log);
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

}
