package io.github.duality.autoconfigure.operations;

import java.time.Duration;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM, as Kubernetes stops a pod, while an instance waits for the migration lock or runs a long change set: it
 * exits within 10 s (Spring Boot's own shutdown hook waits for a startup that never ends), its session ends, and
 * the next instance migrates as after a crash.
 */
class StopDuringMigrationTests {

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private static final Duration PROMPTLY = Duration.ofSeconds(10);

	private final TestPostgres postgres = TestPostgres.get();

	@Test
	void stopDuringTheLockWaitOrALongChangeSetEndsTheProcessPromptly() throws Exception {
		this.postgres.createDatabase("ops_stop");
		Deployment release = new Deployment(this.postgres, "ops_stop", "v1", 0);
		try (AutoCloseable gate = release.holdSlowChangeSets();
				ChildApplication migrating = release.startDuality("stop-migrating")) {
			CrashRecoveryTests.awaitSlowChangeSet(release, migrating);
			try (ChildApplication waiting = release.startDuality("stop-waiting")) {
				waiting.awaitOutput("Waiting for the Liquibase change-log lock", STARTUP);
				assertStopsPromptly(waiting);
			}
			assertStopsPromptly(migrating);
			long deadline = System.nanoTime() + PROMPTLY.toNanos();
			while (release.slowChangeSetRunning()) {
				assertThat(System.nanoTime() < deadline).as("the stopped instance's change set still runs").isTrue();
				ChildApplication.pause(Duration.ofMillis(100));
			}
		}
		try (ChildApplication next = release.startDuality("stop-next")) {
			next.awaitUp(STARTUP);
			assertThat(next.output()).contains("Releasing the Liquibase change-log lock that");
		}
		release.assertAppliedExactlyOnce(Deployment.V1_CHANGE_SETS);
		assertThat(release.advisoryLocksHeld()).isZero();
	}

	private static void assertStopsPromptly(ChildApplication instance) throws InterruptedException {
		long stoppedAt = System.nanoTime();
		instance.terminate();
		instance.awaitExit(PROMPTLY);
		System.out.printf("SIGTERM to %s: exited after %d ms%n", instance.toString(),
				(System.nanoTime() - stoppedAt) / 1_000_000);
		assertThat(instance.output()).contains("Duality: stopping while migrations run");
	}

}
