package io.github.duality.autoconfigure.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.integration.spring.Customizer;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Times each {@link SpringLiquibase} run (its initialization) and counts the change sets it applied, through a
 * change-exec listener added before the application's own customizer runs (a listener the application sets
 * itself replaces it, and the run is then timed with nothing counted). A failing change set is recorded at once,
 * while the registry is still there.
 */
class LiquibaseRunMetrics implements BeanPostProcessor {

	private static final String TOOL = "liquibase";

	private final ObjectProvider<MigrationMetrics> metrics;

	private final Map<String, Run> runs = new ConcurrentHashMap<>();

	LiquibaseRunMetrics(ObjectProvider<MigrationMetrics> metrics) {
		this.metrics = metrics;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase liquibase) {
			Run run = new Run();
			this.runs.put(beanName, run);
			Customizer<Liquibase> applicationCustomizer = liquibase.getCustomizer();
			liquibase.setCustomizer((instance) -> {
				run.connected.set(true);
				instance.setChangeExecListener(run);
				if (applicationCustomizer != null) {
					applicationCustomizer.customize(instance);
				}
			});
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Run run = this.runs.remove(beanName);
		if (run != null && run.connected.get()) {
			run.finish(true);
		}
		return bean;
	}

	private final class Run extends AbstractChangeExecListener {

		private final long startNanos = System.nanoTime();

		private final AtomicInteger applied = new AtomicInteger();

		/** Liquibase customizes only an instance it is about to run: not with {@code shouldRun=false}. */
		private final AtomicBoolean connected = new AtomicBoolean();

		private final AtomicBoolean finished = new AtomicBoolean();

		@Override
		public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
				ChangeSet.ExecType execType) {
			if (execType == ChangeSet.ExecType.EXECUTED || execType == ChangeSet.ExecType.RERAN) {
				this.applied.incrementAndGet();
			}
		}

		@Override
		public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
				Exception exception) {
			finish(false);
		}

		void finish(boolean success) {
			if (this.finished.compareAndSet(false, true)) {
				Duration duration = Duration.ofNanos(System.nanoTime() - this.startNanos);
				LiquibaseRunMetrics.this.metrics
					.ifAvailable((meters) -> meters.recordRun(TOOL, success, this.applied.get(), duration));
			}
		}

	}

}
