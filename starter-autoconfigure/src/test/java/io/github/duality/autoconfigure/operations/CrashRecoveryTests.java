package io.github.duality.autoconfigure.operations;

import java.time.Duration;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of a migration: the next instance applies the rest without anyone releasing the lock by
 * hand, and is UP within 10 s of the killed instance's session ending.
 */
class CrashRecoveryTests {

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private final TestPostgres postgres = TestPostgres.get();

	@Test
	void nextInstanceRecoversFromAnInstanceKilledMidMigration() throws Exception {
		this.postgres.createDatabase("ops_crash");
		Deployment release = new Deployment(this.postgres, "ops_crash", "v1", 120);
		try (ChildApplication killed = release.startDuality("crash-killed")) {
			awaitSlowChangeSet(release, killed);
			// a rollout: the replacement starts while the old instance still migrates, and waits for it
			try (ChildApplication next = release.withSleep(0).startDuality("crash-next")) {
				recover(release, killed, next);
			}
		}
	}

	private void recover(Deployment release, ChildApplication killed, ChildApplication next) throws InterruptedException {
		next.awaitOutput("Waiting for the Liquibase change-log lock", STARTUP);
		assertThat(next.output()).contains("held by").contains("PostgreSQL session").doesNotContain("Acquired");

		long killedAt = System.nanoTime();
		killed.kill();
		long sessionEndedAt = awaitSlowChangeSetEnded(release);
		next.awaitUp(STARTUP);
		long upAt = System.nanoTime();

		System.out.printf("Crash recovery (Liquibase %s): the killed instance's session ended %d ms after "
				+ "SIGKILL; the next instance was UP %d ms after that%n", System.getProperty(
						"expected.liquibase.version"), (sessionEndedAt - killedAt) / 1_000_000,
				(upAt - sessionEndedAt) / 1_000_000);
		assertThat(Duration.ofNanos(upAt - sessionEndedAt)).isLessThan(Duration.ofSeconds(10));
		// the killed instance left the lock row set: the next one proved it stale and cleared it
		assertThat(next.output()).contains("Releasing the Liquibase change-log lock that")
			.contains("has ended without releasing it");
		release.assertAppliedExactlyOnce(Deployment.V1_CHANGE_SETS);
		assertUsedLiquibase(next);
	}

	static void awaitSlowChangeSet(Deployment release, ChildApplication instance) {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!release.slowChangeSetRunning()) {
			assertThat(System.nanoTime() < deadline).as("slow change set not started:%n%s", instance.output())
				.isTrue();
			ChildApplication.pause(Duration.ofMillis(200));
		}
	}

	private static long awaitSlowChangeSetEnded(Deployment release) {
		long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
		while (release.slowChangeSetRunning()) {
			assertThat(System.nanoTime() < deadline).as("the killed session still runs").isTrue();
			ChildApplication.pause(Duration.ofMillis(100));
		}
		return System.nanoTime();
	}

	static void assertUsedLiquibase(ChildApplication instance) {
		String expected = System.getProperty("expected.liquibase.version");
		assertThat(instance.output()).contains(OperationsTestApplication.LIQUIBASE_LINE + expected);
	}

}
