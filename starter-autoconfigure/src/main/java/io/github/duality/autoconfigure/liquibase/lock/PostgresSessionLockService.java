package io.github.duality.autoconfigure.liquibase.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.duality.autoconfigure.session.ClientConnectionCheck;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.database.Database;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.exception.LiquibaseException;
import liquibase.exception.LockException;
import liquibase.lockservice.StandardLockService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Liquibase's lock for PostgreSQL, made crash-safe: the migration session holds a session-level advisory lock while
 * it holds Liquibase's lock row, and records its backend pid in the row. When an instance is killed, PostgreSQL ends
 * its session and frees the advisory lock; the next instance then finds the row's session gone from
 * {@code pg_stat_activity}, clears the row and migrates. A row held by a live session, or set by plain Liquibase
 * (which records no session), is respected: the wait is logged with who holds the lock.
 * <p>
 * Registered with Liquibase's {@code ServiceLoader}; used only for runs that {@link SessionLockCustomizer} opted in.
 */
public class PostgresSessionLockService extends StandardLockService {

	private static final Log logger = LogFactory.getLog(PostgresSessionLockService.class);

	// a crashed holder's lock is free as soon as its session ends: poll often, it is one cheap query
	private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

	private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

	private @Nullable LockTable table;

	private @Nullable AdvisoryLock advisoryLock;

	private @Nullable LockOwner owner;

	private String holder = "an unknown session";

	@Override
	public int getPriority() {
		return SessionLockDatabases.PRIORITY;
	}

	@Override
	public boolean supports(Database database) {
		return SessionLockDatabases.supports(database);
	}

	@Override
	public void waitForLock() throws LockException {
		long minutes = getChangeLogLockWaitTime();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
		long nextReport = System.nanoTime();
		while (!acquireLock()) {
			long now = System.nanoTime();
			if (now - deadline >= 0) {
				throw new LockException("Could not acquire the Liquibase change-log lock " + this.table.name()
						+ " within " + minutes + " min (liquibase.changelogLockWaitTimeInMinutes): held by "
						+ this.holder);
			}
			if (now - nextReport >= 0) {
				logger.info("Waiting for the Liquibase change-log lock " + this.table.name() + ", held by "
						+ this.holder);
				nextReport = now + REPORT_INTERVAL.toNanos();
			}
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LockException("Interrupted while waiting for the Liquibase change-log lock", ex);
			}
		}
	}

	@Override
	public boolean acquireLock() throws LockException {
		if (this.hasChangeLogLock) {
			return true;
		}
		this.quotingStrategy = this.database.getObjectQuotingStrategy();
		try {
			Connection connection = SessionLockDatabases.jdbcConnection(this.database);
			prepare(connection);
			if (!this.advisoryLock.tryLock(connection)) {
				this.holder = describeAdvisoryHolder(connection);
				return false;
			}
			boolean acquired = false;
			try {
				this.database.commit();
				init();
				acquired = lockRow(connection);
				return acquired;
			}
			finally {
				if (!acquired) {
					this.database.rollback();
					this.advisoryLock.unlock(connection);
				}
			}
		}
		catch (SQLException | LiquibaseException ex) {
			throw new LockException(ex);
		}
		finally {
			rollbackQuietly();
		}
	}

	@Override
	public void releaseLock() throws LockException {
		try {
			super.releaseLock();
		}
		finally {
			try {
				if (this.advisoryLock != null) {
					this.advisoryLock.unlock(SessionLockDatabases.jdbcConnection(this.database));
					this.database.rollback();
				}
			}
			catch (SQLException | LiquibaseException ex) {
				logger.warn("Could not release the advisory lock; PostgreSQL releases it when the migration "
						+ "connection closes: " + ex.getMessage());
			}
		}
	}

	private void prepare(Connection connection) throws SQLException, LiquibaseException {
		if (this.owner != null) {
			return;
		}
		String name = lockTableName();
		this.table = new LockTable(name);
		this.advisoryLock = AdvisoryLock.forLockTable(name);
		this.owner = LockOwner.of(connection);
		// the data source may not be Duality's own (spring.liquibase.url), which already asks for it
		ClientConnectionCheck.enable(connection);
		this.database.commit();
	}

	private boolean lockRow(Connection connection) throws SQLException, LiquibaseException {
		LockTable.Row row = this.table.read(connection);
		if (row.locked()) {
			Optional<LockOwner> previous = row.owner();
			if (previous.isEmpty() || previous.get().isConnected(connection)) {
				this.holder = describe(row, previous.isPresent());
				return false;
			}
			this.table.clear(connection, row);
			logger.warn("Releasing the Liquibase change-log lock that " + previous.get().host() + " took at "
					+ row.granted() + ": its PostgreSQL session " + previous.get().pid()
					+ " has ended without releasing it (the instance was killed or lost its connection)");
		}
		if (!this.table.lock(connection, this.owner)) {
			this.holder = "another instance that took it a moment ago";
			return false;
		}
		this.database.commit();
		this.hasChangeLogLock = true;
		Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
		this.database.setCanCacheLiquibaseTableInfo(true);
		logger.info("Acquired the Liquibase change-log lock " + this.table.name() + " in PostgreSQL session "
				+ this.owner.pid() + ", which the server releases should this instance die");
		return true;
	}

	private String describeAdvisoryHolder(Connection connection) throws SQLException, LiquibaseException {
		String session = this.advisoryLock.holder(connection).orElse("a PostgreSQL session that has just ended");
		this.database.rollback();
		try {
			LockTable.Row row = this.table.read(connection);
			Optional<LockOwner> owner = row.owner();
			if (owner.isPresent() && row.locked()) {
				return owner.get().host() + " since " + row.granted() + " (" + session + ")";
			}
		}
		catch (SQLException ex) {
			// no lock table yet: the holder is creating it
		}
		return session;
	}

	private String describe(LockTable.Row row, boolean withSession) {
		if (withSession) {
			LockOwner owner = row.owner().orElseThrow();
			return owner.host() + " since " + row.granted() + " (PostgreSQL session " + owner.pid()
					+ ", still connected)";
		}
		return "'" + row.lockedBy() + "' since " + row.granted() + ", an instance using Liquibase's plain table "
				+ "lock, which records no session: a crashed one cannot be told from a running one. If no instance "
				+ "is migrating, release the lock with: " + this.table.manualRelease();
	}

	private String lockTableName() {
		ObjectQuotingStrategy current = this.database.getObjectQuotingStrategy();
		// as Liquibase names its own tables
		this.database.setObjectQuotingStrategy(ObjectQuotingStrategy.LEGACY);
		try {
			return this.database.escapeTableName(this.database.getLiquibaseCatalogName(),
					this.database.getLiquibaseSchemaName(), this.database.getDatabaseChangeLogLockTableName());
		}
		finally {
			this.database.setObjectQuotingStrategy(current);
		}
	}

	private void rollbackQuietly() {
		try {
			this.database.rollback();
		}
		catch (LiquibaseException ex) {
			logger.debug("Rollback after taking the change-log lock failed", ex);
		}
	}

}
