package io.github.duality.autoconfigure.liquibase;

import java.util.IdentityHashMap;
import java.util.Map;

import io.github.duality.autoconfigure.MigrationMode;
import io.github.duality.autoconfigure.migration.MigrationRun;
import io.github.duality.autoconfigure.migration.MigrationRuns;
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
 * Applies {@code duality.migration.mode} to every {@link SpringLiquibase} (under {@code external} it does not run)
 * and records in {@link MigrationRuns} what each run did: its duration, and each change set Liquibase applied, as
 * Liquibase's own change listener reports them. Keeps any {@code Customizer<Liquibase>} the bean already has. The
 * only change listener the starter sets, as Liquibase keeps one: the metrics read the same record.
 */
class LiquibaseRunRecorder implements BeanPostProcessor {

	private final ObjectProvider<MigrationRuns> runs;

	private final MigrationMode mode;

	private final Map<SpringLiquibase, MigrationRun> running = new IdentityHashMap<>();

	LiquibaseRunRecorder(ObjectProvider<MigrationRuns> runs, MigrationMode mode) {
		this.runs = runs;
		this.mode = mode;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase liquibase) {
			MigrationRuns runs = this.runs.getIfAvailable();
			if (this.mode == MigrationMode.EXTERNAL) {
				liquibase.setShouldRun(false);
				if (runs != null) {
					runs.start(LiquibaseTool.INSTANCE.key()).skippedAsExternal();
				}
				return bean;
			}
			if (runs == null) {
				return bean;
			}
			MigrationRun run = runs.start(LiquibaseTool.INSTANCE.key());
			Customizer<Liquibase> existing = liquibase.getCustomizer();
			liquibase.setCustomizer((update) -> {
				update.setChangeExecListener(new RecordingListener(run));
				if (existing != null) {
					existing.customize(update);
				}
			});
			synchronized (this.running) {
				this.running.put(liquibase, run);
			}
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase liquibase) {
			MigrationRun run;
			synchronized (this.running) {
				run = this.running.remove(liquibase);
			}
			if (run != null) {
				run.succeeded();
			}
		}
		return bean;
	}

	private static final class RecordingListener extends AbstractChangeExecListener {

		private final MigrationRun run;

		RecordingListener(MigrationRun run) {
			this.run = run;
		}

		@Override
		public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database,
				ChangeSet.ExecType execType) {
			if (execType == ChangeSet.ExecType.EXECUTED || execType == ChangeSet.ExecType.RERAN
					|| execType == ChangeSet.ExecType.MARK_RAN) {
				this.run.applied(changeSet.getId());
			}
		}

		@Override
		public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database,
				Exception exception) {
			this.run.failed();
		}

	}

}
