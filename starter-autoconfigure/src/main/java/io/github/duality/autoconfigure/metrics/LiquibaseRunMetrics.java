package io.github.duality.autoconfigure.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.duality.autoconfigure.migration.MigrationRun;
import io.github.duality.autoconfigure.migration.MigrationRuns;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Times each {@link SpringLiquibase} run with the change sets it applied, from the starter's record of the run
 * ({@link MigrationRuns}): Liquibase keeps a single change listener, so the metrics listen to that record rather
 * than set a listener of their own. A failing change set is recorded at once, while the registry is still there.
 */
class LiquibaseRunMetrics implements BeanPostProcessor {

	private static final String TOOL = "liquibase";

	private final ObjectProvider<MigrationMetrics> metrics;

	private final ObjectProvider<MigrationRuns> runs;

	private final AtomicBoolean listening = new AtomicBoolean();

	LiquibaseRunMetrics(ObjectProvider<MigrationMetrics> metrics, ObjectProvider<MigrationRuns> runs) {
		this.metrics = metrics;
		this.runs = runs;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase && this.listening.compareAndSet(false, true)) {
			this.runs.ifAvailable((runs) -> runs.onFinish(this::record));
		}
		return bean;
	}

	private void record(MigrationRun run) {
		if (TOOL.equals(run.tool())) {
			this.metrics.ifAvailable((meters) -> meters.recordRun(TOOL, !run.isFailed(), (int) run.appliedCount(),
					run.duration()));
		}
	}

}
