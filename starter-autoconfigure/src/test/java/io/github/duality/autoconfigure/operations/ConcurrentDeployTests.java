package io.github.duality.autoconfigure.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four instances started at the same moment, as a Deployment with four replicas does: on an empty database, then
 * with a release that brings more change sets. Each change set is applied exactly once and every instance is UP.
 */
class ConcurrentDeployTests {

	private static final int REPLICAS = 4;

	// four JVMs starting at once on a shared, busy machine
	private static final Duration STARTUP = Duration.ofSeconds(300);

	private final TestPostgres postgres = TestPostgres.get();

	@Test
	void fourInstancesAtOnceApplyEveryChangeSetExactlyOnceAndAllComeUp() throws Exception {
		this.postgres.createDatabase("ops_concurrent");
		Deployment release = new Deployment(this.postgres, "ops_concurrent", "v1", 2);
		deploy(release, "concurrent-v1-");
		release.assertAppliedExactlyOnce(Deployment.V1_CHANGE_SETS);

		Deployment next = release.nextRelease(2);
		deploy(next, "concurrent-v2-");
		next.assertAppliedExactlyOnce(Deployment.V2_CHANGE_SETS);
	}

	private static void deploy(Deployment release, String namePrefix) throws InterruptedException {
		List<ChildApplication> instances = new ArrayList<>();
		try {
			for (int replica = 1; replica <= REPLICAS; replica++) {
				instances.add(release.startDuality(namePrefix + replica));
			}
			for (ChildApplication instance : instances) {
				instance.awaitUp(STARTUP);
			}
			long migrated = instances.stream()
				.filter((instance) -> instance.output().contains("Running Changeset"))
				.count();
			assertThat(migrated).as("instances that ran change sets").isOne();
		}
		finally {
			for (ChildApplication instance : instances) {
				instance.close();
			}
		}
	}

}
