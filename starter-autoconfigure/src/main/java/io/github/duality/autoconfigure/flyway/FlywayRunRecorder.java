package io.github.duality.autoconfigure.flyway;

import java.util.function.Consumer;

import io.github.duality.autoconfigure.migration.MigrationRun;
import io.github.duality.autoconfigure.migration.MigrationRuns;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;

/**
 * Records in {@link MigrationRuns} what each Flyway migrate did: its duration, each migration applied, and whether it
 * failed. A Flyway {@link Callback} bean, which Boot's Flyway auto-configuration hands to Flyway beside the
 * application's own. The one observer of the run: health and the metrics read this record.
 */
class FlywayRunRecorder implements Callback {

	private final MigrationRuns runs;

	private volatile @Nullable MigrationRun current;

	FlywayRunRecorder(MigrationRuns runs) {
		this.runs = runs;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_MIGRATE
				|| event == Event.AFTER_MIGRATE_ERROR;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		switch (event) {
			case BEFORE_MIGRATE -> this.current = this.runs.start(FlywayTool.INSTANCE.key());
			case AFTER_EACH_MIGRATE -> applied(context.getMigrationInfo());
			case AFTER_MIGRATE -> finished(MigrationRun::succeeded);
			case AFTER_MIGRATE_ERROR -> finished(MigrationRun::failed);
			default -> {
			}
		}
	}

	private void applied(@Nullable MigrationInfo migration) {
		MigrationRun run = this.current;
		if (run != null && migration != null) {
			run.applied(migration.getScript());
		}
	}

	private void finished(Consumer<MigrationRun> outcome) {
		MigrationRun run = this.current;
		if (run != null) {
			outcome.accept(run);
		}
	}

	@Override
	public String getCallbackName() {
		return "duality-migration-run";
	}

}
