package io.github.duality.autoconfigure.metrics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import io.github.duality.autoconfigure.flyway.FlywayTool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Records what a successful Flyway migrate left pending. A Flyway {@link Callback} bean, which Boot's Flyway
 * auto-configuration hands to Flyway; it needs the migrate's own configuration, which only a callback is given. The
 * run itself is timed from the starter's record of it ({@link MigrationRunMetrics}).
 */
class FlywayPendingMetrics implements Callback {

	private static final Log logger = LogFactory.getLog(FlywayPendingMetrics.class);

	private static final Set<MigrationState> NOT_APPLIED = EnumSet.of(MigrationState.PENDING,
			MigrationState.ABOVE_TARGET, MigrationState.IGNORED);

	private final ObjectProvider<MigrationMetrics> metrics;

	FlywayPendingMetrics(ObjectProvider<MigrationMetrics> metrics) {
		this.metrics = metrics;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE_OPERATION_FINISH;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		if (context.getOperationResult() instanceof MigrateResult result && result.success) {
			recordPending(context);
		}
	}

	/**
	 * Records the migrations Flyway knows and has not applied: above {@code spring.flyway.target}, ignored, or new. Asked of
	 * Flyway itself, over one more short connection once the run has released its lock.
	 */
	private void recordPending(Context context) {
		try {
			MigrationInfo[] all = new Flyway(context.getConfiguration()).info().all();
			int pending = (int) Arrays.stream(all).map(MigrationInfo::getState).filter(NOT_APPLIED::contains).count();
			this.metrics.ifAvailable((meters) -> meters.recordPending(FlywayTool.INSTANCE.key(), pending));
		}
		catch (FlywayException ex) {
			// the migration succeeded; a gauge that cannot be read must not fail the application
			logger.debug("Could not count pending Flyway migrations", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "duality-pending-metrics";
	}

}
