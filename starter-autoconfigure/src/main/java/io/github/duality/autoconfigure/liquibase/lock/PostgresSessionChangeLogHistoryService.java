package io.github.duality.autoconfigure.liquibase.lock;

import java.sql.Connection;
import java.sql.SQLException;

import liquibase.changelog.StandardChangeLogHistoryService;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Liquibase's change-log history for PostgreSQL, safe for instances that start at once on an empty database.
 * Liquibase creates (or upgrades) {@code DATABASECHANGELOG} in {@code init()} before it takes the change-log lock,
 * so two instances can both find the table missing and one fails on "relation already exists". Here
 * {@code init()} runs under a session advisory lock of its own: the next instance checks for the table only once the
 * first has committed it.
 * <p>
 * Registered with Liquibase's {@code ServiceLoader}; used only for runs that {@link SessionLockCustomizer} opted in.
 */
public class PostgresSessionChangeLogHistoryService extends StandardChangeLogHistoryService {

	private static final Log logger = LogFactory.getLog(PostgresSessionChangeLogHistoryService.class);

	@Override
	public int getPriority() {
		return SessionLockDatabases.PRIORITY;
	}

	@Override
	public boolean supports(Database database) {
		return SessionLockDatabases.supports(database);
	}

	@Override
	public void init() throws DatabaseException {
		Connection connection = SessionLockDatabases.jdbcConnection(getDatabase());
		AdvisoryLock lock = AdvisoryLock.forChangeLogTable(getDatabase().escapeTableName(getLiquibaseCatalogName(),
				getLiquibaseSchemaName(), getDatabaseChangeLogTableName()));
		try {
			lock.lock(connection);
		}
		catch (SQLException ex) {
			throw new DatabaseException("Could not lock the creation of the Liquibase change-log table", ex);
		}
		try {
			super.init();
			getDatabase().commit();
		}
		finally {
			release(lock, connection);
		}
	}

	private void release(AdvisoryLock lock, Connection connection) {
		try {
			getDatabase().rollback();
			lock.unlock(connection);
			getDatabase().commit();
		}
		catch (SQLException | DatabaseException ex) {
			logger.warn("Could not release the advisory lock guarding the Liquibase change-log table; PostgreSQL "
					+ "releases it when the migration connection closes: " + ex.getMessage());
		}
	}

}
