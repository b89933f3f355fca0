package io.github.duality.autoconfigure.modes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.Peer;
import io.github.duality.testsupport.RequiresPeer;
import io.github.duality.testsupport.TestPgBouncer;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Flyway application behind Debian's PgBouncer in transaction mode, TLS on both sides, each instance a JVM of its
 * own: refused without a direct endpoint, before anything migrates; with {@code duality.migration.url}, four
 * instances at once all come up with each migration applied once and no advisory lock left; an instance killed in
 * the middle of a migration is recovered from; one told to stop there (SIGTERM) exits promptly.
 */
@RequiresPeer(Peer.PGBOUNCER)
class FlywayWithoutLiquibasePoolerTests {

	private static final Duration STARTUP = Duration.ofSeconds(300);

	private static final List<String> ALL_MIGRATIONS = List.of("V1__create_item.sql", "V2__slow_migration.sql",
			"V3__seed_item.sql");

	private static final TestPostgres postgres = TestPostgres.get();

	private static TestPgBouncer pgbouncer;

	@BeforeAll
	static void startPgBouncer() {
		pgbouncer = TestPgBouncer.inFrontOf(postgres, TestPgBouncer.PoolMode.TRANSACTION);
	}

	@AfterAll
	static void stopPgBouncer() {
		pgbouncer.close();
	}

	@Test
	void pooledUrlAloneIsRefusedBeforeAnythingMigrates() throws Exception {
		String database = database("refused");
		try (ChildApplication app = start(database, "refused", 0, false)) {
			assertThat(app.awaitExit(Duration.ofSeconds(90))).as(app.output()).isNotZero();
			assertThat(app.output()).contains("Duality will not run migrations through a transaction pooler")
				.contains("Set duality.migration.url")
				.doesNotContain(postgres.password());
		}
		assertThat(postgres.queryAsSuperuserIn(database, "select 1 from pg_tables where tablename = "
				+ "'flyway_schema_history'")).as("Flyway's history table").isEmpty();
	}

	@Test
	// psql reads PgBouncer's admin console (SHOW CLIENTS) once the instances are up
	@RequiresPeer(Peer.PSQL)
	void fourInstancesAtOnceMigrateDirectlyOnce() throws Exception {
		String database = database("deploy");
		List<ChildApplication> instances = new ArrayList<>();
		try {
			for (int replica = 1; replica <= 4; replica++) {
				instances.add(start(database, "deploy-" + replica, 1, true));
			}
			for (ChildApplication instance : instances) {
				instance.awaitUp(STARTUP);
			}
			assertThat(applied(database)).containsExactlyElementsOf(ALL_MIGRATIONS);
			assertThat(postgres.advisoryLocksHeldIn(database)).as("advisory locks left after startup").isZero();
			assertThat(instances.get(0).output()).contains("(endpoint: duality.migration.url), Flyway enabled");
			int port = instances.get(0).awaitPort(STARTUP);
			assertThat(ChildApplication.get(port, "/ping").statusCode()).isEqualTo(200);
			assertThat(pgbouncer.clients(database)).as("the application's connections, as PgBouncer sees them")
				.isNotEmpty();
		}
		finally {
			for (ChildApplication instance : instances) {
				instance.close();
			}
		}
	}

	@Test
	void instanceKilledMidMigrationIsRecoveredFromAndOneToldToStopThereExitsPromptly() throws Exception {
		String database = database("crash");
		try (ChildApplication killed = start(database, "crash-killed", 120, true)) {
			awaitSlowMigration(database, killed);
			long killedAt = System.nanoTime();
			killed.kill();
			awaitNoSlowMigration(database);
			System.out.printf("Flyway: the killed instance's session ended %d ms after SIGKILL%n",
					(System.nanoTime() - killedAt) / 1_000_000);
		}
		try (ChildApplication stopped = start(database, "crash-stopped", 120, true)) {
			awaitSlowMigration(database, stopped);
			long stoppedAt = System.nanoTime();
			stopped.terminate();
			stopped.awaitExit(Duration.ofSeconds(10));
			awaitNoSlowMigration(database);
			System.out.printf("Flyway: SIGTERM during a migration, exit after %d ms%n",
					(System.nanoTime() - stoppedAt) / 1_000_000);
			assertThat(stopped.output()).contains("Duality: stopping while migrations run");
		}
		try (ChildApplication next = start(database, "crash-next", 0, true)) {
			next.awaitUp(STARTUP);
		}
		assertThat(applied(database)).containsExactlyElementsOf(ALL_MIGRATIONS);
		assertThat(postgres.advisoryLocksHeldIn(database)).isZero();
	}

	private ChildApplication start(String database, String name, int sleepSeconds, boolean direct) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_DATASOURCE_URL", pgbouncer.databaseUrl(database) + "&pgbouncer=true");
		if (direct) {
			environment.put("DUALITY_MIGRATION_URL", "postgresql://" + postgres.host() + ":" + postgres.port() + "/"
					+ database + "?sslmode=verify-full&sslrootcert=" + postgres.caCertificate().toAbsolutePath());
		}
		return ChildApplication.start(MigrationModeTestApplication.class, "flyway-pooler-" + name, environment,
				Map.of("spring.flyway.locations", "classpath:db/modes-flyway", "spring.flyway.placeholders.sleepSeconds",
						Integer.toString(sleepSeconds)));
	}

	private static String database(String purpose) {
		String name = "flyway_pooler_" + purpose;
		postgres.createDatabase(name);
		return name;
	}

	private static List<String> applied(String database) {
		return postgres
			.queryAsSuperuserIn(database,
					"select script from flyway_schema_history where success order by installed_rank")
			.stream()
			.map((row) -> (String) row.get("script"))
			.toList();
	}

	private static void awaitSlowMigration(String database, ChildApplication instance) {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!slowMigrationRunning(database)) {
			assertThat(System.nanoTime() < deadline).as("slow migration not started:%n%s", instance.output())
				.isTrue();
			ChildApplication.pause(Duration.ofMillis(200));
		}
	}

	/** The server checks a migration session's client every second: a dead instance's session ends within it. */
	private static void awaitNoSlowMigration(String database) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (slowMigrationRunning(database)) {
			assertThat(System.nanoTime() < deadline).as("the dead instance's migration still runs").isTrue();
			ChildApplication.pause(Duration.ofMillis(100));
		}
	}

	private static boolean slowMigrationRunning(String database) {
		return !postgres.queryAsSuperuserIn(database, "select pid from pg_stat_activity where datname = "
				+ "current_database() and state = 'active' and query like '%pg_sleep%' and pid <> pg_backend_pid()")
			.isEmpty();
	}

}
