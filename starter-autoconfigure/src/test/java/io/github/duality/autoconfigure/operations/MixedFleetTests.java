package io.github.duality.autoconfigure.operations;

import java.time.Duration;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rollout from a release with plain Liquibase (its table lock) to one with the starter, and back: the two kinds
 * of instance never migrate at the same time, in either order.
 */
class MixedFleetTests {

	private static final Duration STARTUP = Duration.ofSeconds(180);

	private final TestPostgres postgres = TestPostgres.get();

	@Test
	void plainAndSessionLockedInstancesNeverMigrateAtTheSameTime() throws Exception {
		this.postgres.createDatabase("ops_mixed");
		Deployment release = new Deployment(this.postgres, "ops_mixed", "v1", 0);
		try (ChildApplication plain = release.startPlain("mixed-plain");
				ChildApplication ours = startSecond(release, plain, false)) {
			plain.awaitUp(STARTUP);
			ours.awaitUp(STARTUP);
			release.assertAppliedExactlyOnce(Deployment.V1_CHANGE_SETS);
		}

		Deployment next = release.nextRelease(0);
		try (ChildApplication ours = next.startDuality("mixed-duality-v2");
				ChildApplication plain = startSecond(next, ours, true)) {
			ours.awaitUp(STARTUP);
			plain.awaitUp(STARTUP);
			next.assertAppliedExactlyOnce(Deployment.V2_CHANGE_SETS);
			CrashRecoveryTests.assertUsedLiquibase(plain);
		}
	}

	/** Starts the other kind of instance while {@code first} migrates, and lets the migration end once it waits. */
	private static ChildApplication startSecond(Deployment release, ChildApplication first, boolean plain)
			throws Exception {
		try (AutoCloseable gate = release.holdSlowChangeSets()) {
			CrashRecoveryTests.awaitSlowChangeSet(release, first);
			ChildApplication second = plain ? release.startPlain("mixed-plain-v2") : release.startDuality("mixed-duality");
			if (plain) {
				second.awaitOutput("Waiting for changelog lock", STARTUP);
			}
			else {
				second.awaitOutput("Waiting for the Liquibase change-log lock", STARTUP);
				assertThat(second.output()).contains("an instance using Liquibase's plain table lock")
					.contains("UPDATE public.databasechangeloglock SET locked = false")
					.doesNotContain("Acquired the Liquibase change-log lock");
			}
			assertThat(release.slowChangeSetRunning()).as("the first instance still migrates").isTrue();
			return second;
		}
	}

}
