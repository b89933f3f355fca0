package io.github.duality.autoconfigure.metrics;

import io.github.duality.autoconfigure.migration.MigrationRun;
import io.github.duality.autoconfigure.migration.MigrationRuns;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Times each migration run, Liquibase's and Flyway's alike, with the change sets or migrations it applied, from the
 * starter's one record of the run ({@link MigrationRuns}) rather than from listeners of its own: Liquibase keeps a
 * single change listener, and a second Flyway callback would count the run again. Listens from the moment the
 * record exists, before any tool runs; a failing run is recorded at once, while the registry is still there.
 */
class MigrationRunMetrics implements BeanPostProcessor {

	private final ObjectProvider<MigrationMetrics> metrics;

	MigrationRunMetrics(ObjectProvider<MigrationMetrics> metrics) {
		this.metrics = metrics;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof MigrationRuns runs) {
			runs.onFinish(this::record);
		}
		return bean;
	}

	private void record(MigrationRun run) {
		this.metrics.ifAvailable((meters) -> meters.recordRun(run.tool(), !run.isFailed(), (int) run.appliedCount(),
				run.duration()));
	}

}
