package io.github.duality.autoconfigure.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Ends the migration path promptly when the JVM is told to stop (Kubernetes' SIGTERM) while the context is still
 * starting: Spring Boot's own shutdown hook waits for startup to finish, and a migration waiting for a lock, or
 * running a long statement, would otherwise keep the process alive until SIGKILL. The migration connections are
 * aborted, which ends their server sessions: PostgreSQL rolls back the change running and frees the session lock,
 * and the next start recovers as after a crash.
 */
final class MigrationStopGuard implements SmartInitializingSingleton, DisposableBean {

	private static final Log logger = LogFactory.getLog(MigrationStopGuard.class);

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	private final Thread hook = new Thread(this::stop, "duality-migration-stop");

	private volatile boolean stopping;

	private volatile boolean armed;

	private volatile Thread startupThread = Thread.currentThread();

	/** Called as a migration tool starts: from now on, a stop ends the migration. */
	void arm() {
		if (!this.armed) {
			this.armed = true;
			this.startupThread = Thread.currentThread();
			Runtime.getRuntime().addShutdownHook(this.hook);
		}
	}

	/**
	 * Knows a new migration connection, so that a stop can end it.
	 * @param connection the connection, just opened
	 * @throws SQLException when the application is already stopping: the connection is closed
	 */
	void track(Connection connection) throws SQLException {
		if (this.stopping) {
			connection.close();
			throw new SQLException("The application is stopping: no new migration connection");
		}
		this.connections.removeIf(MigrationStopGuard::isClosed);
		this.connections.add(connection);
	}

	private void stop() {
		this.stopping = true;
		List<Connection> open = this.connections.stream().filter((connection) -> !isClosed(connection)).toList();
		logger.warn("Duality: stopping while migrations run: aborting " + open.size() + " migration connection(s); "
				+ "PostgreSQL rolls back the change running and frees the migration lock, and the next start "
				+ "resumes");
		for (Connection connection : open) {
			try {
				// the server ends the statement at once; a backend waiting for a lock would otherwise notice the
				// closed connection only at its next check
				connection.unwrap(PGConnection.class).cancelQuery();
			}
			catch (SQLException ex) {
				logger.debug("Could not cancel the statement of a migration connection", ex);
			}
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException ex) {
				logger.debug("Could not abort a migration connection", ex);
			}
		}
		// the lock wait and the startup wait sleep between attempts
		this.startupThread.interrupt();
	}

	/** Migrations are over once every singleton exists: a later stop is Spring Boot's ordinary shutdown. */
	@Override
	public void afterSingletonsInstantiated() {
		disarm();
	}

	@Override
	public void destroy() {
		disarm();
	}

	private void disarm() {
		if (this.armed) {
			this.armed = false;
			this.connections.clear();
			try {
				Runtime.getRuntime().removeShutdownHook(this.hook);
			}
			catch (IllegalStateException ex) {
				// the JVM is already stopping: the hook has run or is running
			}
		}
	}

	private static boolean isClosed(Connection connection) {
		try {
			return connection.isClosed();
		}
		catch (SQLException ex) {
			return true;
		}
	}

}
