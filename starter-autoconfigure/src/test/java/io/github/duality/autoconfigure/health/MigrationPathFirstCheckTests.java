package io.github.duality.autoconfigure.health;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.github.duality.autoconfigure.MigrationTool;
import io.github.duality.autoconfigure.migration.MigrationRuns;
import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.JdbcTarget;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration path's first check starts, with no probe, once every startup migration has succeeded, and only then;
 * against the real server. The check is seen at the server: the test holds a lock on the history table, so a check
 * that has started waits there under its application name.
 */
class MigrationPathFirstCheckTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final String TABLE = "first_check_history";

	private static final Duration SEEN_WITHIN = Duration.ofSeconds(10);

	private static final Duration NOT_SEEN_DURING = Duration.ofSeconds(1);

	@BeforeAll
	static void historyTable() {
		postgres.executeAsSuperuser("create table if not exists public." + TABLE + " (id text)"
				+ "; alter table public." + TABLE + " owner to " + postgres.username());
	}

	@Test
	void startsWhenEveryStartupMigrationHasSucceeded() throws Throwable {
		MigrationRuns runs = new MigrationRuns();
		runs.start("liquibase").succeeded();
		runs.start("flyway").succeeded();
		MigrationPathHealthIndicator indicator = indicator(runs, Duration.ofSeconds(30));
		withHistoryLocked(() -> {
			indicator.checkAfterStartupMigrations();
			assertThat(awaitCheckSessions(SEEN_WITHIN)).isEqualTo(1);
		});
		Health health = indicator.health().block(Duration.ofSeconds(10));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKeys("checkedAt", "liquibase");
	}

	@Test
	void doesNotStartUnlessEveryToolMigratedAndSucceeded() throws Throwable {
		MigrationRuns failedOne = new MigrationRuns();
		failedOne.start("liquibase").succeeded();
		failedOne.start("flyway").failed();
		MigrationRuns stillRunning = new MigrationRuns();
		stillRunning.start("liquibase");
		MigrationRuns external = new MigrationRuns();
		external.start("liquibase").skippedAsExternal();
		for (MigrationRuns runs : List.of(new MigrationRuns(), failedOne, stillRunning, external)) {
			assertNoCheck(indicator(runs, Duration.ofSeconds(30)));
		}
	}

	@Test
	void doesNotStartWhenEachProbeChecksAnyway() throws Throwable {
		MigrationRuns runs = new MigrationRuns();
		runs.start("liquibase").succeeded();
		assertNoCheck(indicator(runs, Duration.ZERO));
	}

	private void assertNoCheck(MigrationPathHealthIndicator indicator) throws Throwable {
		withHistoryLocked(() -> {
			indicator.checkAfterStartupMigrations();
			assertThat(awaitCheckSessions(NOT_SEEN_DURING)).isZero();
		});
	}

	private static MigrationPathHealthIndicator indicator(MigrationRuns runs, Duration interval) {
		JdbcTarget target = DatabaseUrl.derive(postgres.databaseUrl(), null, null).migrationJdbc();
		MigrationTool.JdbcLogin login = new MigrationTool.JdbcLogin(target.connectionDetailsUrl(), target.user(),
				target.password());
		SchemaHistory history = new SchemaHistory("liquibase", 0, null, TABLE, () -> login,
				(resolved) -> "select count(*), max(id) from " + resolved);
		return new MigrationPathHealthIndicator(login, null, List.of(history), List.of(), runs,
				Duration.ofSeconds(10), interval);
	}

	/** Runs the action while a transaction of the test's own holds an exclusive lock on the history table. */
	private static void withHistoryLocked(Executable action) throws Throwable {
		try (Connection locker = postgres.connect(postgres.database()); Statement statement = locker.createStatement()) {
			locker.setAutoCommit(false);
			statement.execute("lock table public." + TABLE + " in access exclusive mode");
			try {
				action.execute();
			}
			finally {
				locker.rollback();
			}
		}
	}

	/** The check sessions seen waiting, as soon as there is one or once the time is up. */
	private static int awaitCheckSessions(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		int seen;
		do {
			seen = postgres.queryAsSuperuser("select pid from pg_stat_activity where application_name = "
					+ "'duality-health' and wait_event_type = 'Lock'").size();
			if (seen > 0) {
				return seen;
			}
			Thread.sleep(50);
		}
		while (System.nanoTime() < deadline);
		return seen;
	}

}
