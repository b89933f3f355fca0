package io.github.duality.autoconfigure.modes;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code duality.migration.mode} with one migration tool, each instance a JVM of its own: {@code startup},
 * {@code migrate-and-exit} (exit status, no port, no R2DBC session) and {@code external} (not ready while changes
 * are pending, ready once a migrate-and-exit Job has run).
 */
abstract class AbstractMigrationModeTests {

	static final Duration STARTUP = Duration.ofSeconds(180);

	/** r2dbc-postgresql's default application name: how the application path's sessions show. */
	private static final String R2DBC_SESSION = "r2dbc-postgresql";

	final TestPostgres postgres = TestPostgres.get();

	/** The tool's properties: its migrations, a slow one sleeping {@code sleepSeconds}, and one failing if asked. */
	abstract Map<String, String> migrations(int sleepSeconds, boolean failing);

	/** The tool's name, as the health details name it. */
	abstract String tool();

	/** The history table, and a query on it giving the applied migrations' names as {@code name}, in order. */
	abstract String historyTable();

	abstract String appliedQuery();

	/** All migrations, in order, when everything is applied. */
	abstract List<String> allMigrations();

	@Test
	void startupModeMigratesBeforeServingAndReportsTheRun() throws Exception {
		String database = database("startup");
		try (ChildApplication app = start(database, "startup", migrations(0, false), Map.of())) {
			int port = app.awaitPort(STARTUP);
			HttpResponse<String> health = ChildApplication.get(port, "/actuator/health");
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
			List<String> all = allMigrations();
			assertThat(health.body()).contains("\"startup\":{\"" + tool() + "\":{\"outcome\":\"applied\"")
				.contains("\"applied\":" + all.size() + ",\"last\":\"" + all.get(all.size() - 1) + "\"");
			assertThat(applied(database)).containsExactlyElementsOf(all);
			assertThat(app.output()).contains(MigrationModeTestApplication.RUNNER_LINE);
		}
	}

	@Test
	void migrateAndExitMigratesAndExitsZeroWithoutAServerOrAnR2dbcSession() throws Exception {
		String database = database("job");
		int port = freePort();
		Set<String> sessions = new TreeSet<>();
		int exitStatus;
		try (ChildApplication job = start(database, "migrate-and-exit", migrations(3, false),
				Map.of("server.port", Integer.toString(port)))) {
			boolean portEverOpen = false;
			while (job.isAlive()) {
				sessions.addAll(sessionsOf(database));
				portEverOpen |= accepts(port);
				ChildApplication.pause(Duration.ofMillis(100));
			}
			exitStatus = job.awaitExit(STARTUP);
			System.out.printf("migrate-and-exit (%s): exit status %d, sessions seen during the run: %s%n", tool(),
					exitStatus, sessions);
			assertThat(exitStatus).as(job.output()).isZero();
			assertThat(portEverOpen).as("port %d accepted connections", port).isFalse();
			assertThat(job.output()).doesNotContain(ChildApplication.PORT_LINE)
				.doesNotContain(MigrationModeTestApplication.RUNNER_LINE)
				.contains("Duality: migrations done")
				.contains("exiting, as duality.migration.mode=migrate-and-exit asks");
		}
		assertThat(sessions).as("the migration's own session was seen").isNotEmpty().doesNotContain(R2DBC_SESSION);
		assertThat(sessionsOf(database)).as("sessions left after the exit").isEmpty();
		assertThat(applied(database)).containsExactlyElementsOf(allMigrations());
	}

	@Test
	void migrateAndExitExitsNonZeroWhenAMigrationFails() throws Exception {
		String database = database("job_fails");
		try (ChildApplication job = start(database, "migrate-and-exit", migrations(0, true), Map.of())) {
			int exitStatus = job.awaitExit(STARTUP);
			System.out.printf("migrate-and-exit (%s) with a failing migration: exit status %d%n", tool(), exitStatus);
			assertThat(exitStatus).as(job.output()).isNotZero();
			assertThat(job.output()).doesNotContain("Duality: migrations done")
				.doesNotContain(MigrationModeTestApplication.RUNNER_LINE);
		}
		assertThat(applied(database)).containsExactlyElementsOf(allMigrations());
		assertThat(sessionsOf(database)).isEmpty();
	}

	@Test
	void externalNeverMigratesAndIsReadyOnlyOnceTheJobHasRun() throws Exception {
		String database = database("external");
		// a generous timeout: the first check also asks the tool what is pending, slow on a loaded machine
		Map<String, String> probes = Map.of("duality.health.migration.interval", "1s", "duality.health.timeout", "60s",
				"management.endpoint.health.probes.enabled", "true",
				"management.endpoint.health.group.readiness.include", "readinessState,database");
		try (ChildApplication app = start(database, "external", migrations(0, false), probes)) {
			int port = app.awaitPort(STARTUP);
			HttpResponse<String> readiness = ChildApplication.get(port, "/actuator/health/readiness");
			assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
			assertThat(readiness.body()).contains("OUT_OF_SERVICE")
				.contains("\"pending\":{\"" + tool() + "\":[\"" + allMigrations().get(0) + "\"")
				.contains("duality.migration.mode=external");
			assertThat(ChildApplication.get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
			assertThat(this.postgres.queryAsSuperuserIn(database, "select to_regclass(?)::text as t", historyTable()))
				.containsExactly(nullTable());

			try (ChildApplication job = start(database, "migrate-and-exit", migrations(0, false), Map.of())) {
				assertThat(job.awaitExit(STARTUP)).as(job.output()).isZero();
			}
			awaitReady(port);
			assertThat(applied(database)).containsExactlyElementsOf(allMigrations());
			assertThat(ChildApplication.get(port, "/ping").body()).isEqualTo("1");
			assertThat(sessionsOf(database)).as("the application path's sessions show as such").contains(R2DBC_SESSION);
		}
	}

	private void awaitReady(int port) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		HttpResponse<String> readiness = ChildApplication.get(port, "/actuator/health/readiness");
		while (readiness.statusCode() != 200) {
			assertThat(System.nanoTime() < deadline).as("not ready after the Job: %s", readiness.body()).isTrue();
			ChildApplication.pause(Duration.ofMillis(500));
			readiness = ChildApplication.get(port, "/actuator/health/readiness");
		}
	}

	private ChildApplication start(String database, String mode, Map<String, String> migrations,
			Map<String, String> extra) {
		Map<String, String> properties = new LinkedHashMap<>(migrations);
		properties.put("duality.migration.mode", mode);
		properties.putIfAbsent("server.port", "0");
		properties.putAll(extra);
		return ChildApplication.start(MigrationModeTestApplication.class, tool() + "-" + database + "-" + mode,
				Map.of("SPRING_DATASOURCE_URL", this.postgres.databaseUrl(database)), properties);
	}

	private String database(String purpose) {
		String name = "modes_" + tool() + "_" + purpose;
		this.postgres.createDatabase(name);
		return name;
	}

	List<String> applied(String database) {
		return this.postgres.queryAsSuperuserIn(database, appliedQuery())
			.stream()
			.map((row) -> (String) row.get("name"))
			.toList();
	}

	private Set<String> sessionsOf(String database) {
		Set<String> names = new TreeSet<>();
		this.postgres.queryAsSuperuserIn(database, "select application_name from pg_stat_activity "
				+ "where datname = current_database() and pid <> pg_backend_pid()")
			.forEach((row) -> names.add((String) row.get("application_name")));
		return names;
	}

	private static Map<String, Object> nullTable() {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("t", null);
		return row;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
