package io.github.duality.autoconfigure.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL 14 and later check a running session's client every second when asked to: a migration session whose
 * instance was killed then ends within a second, freeing its locks, even while a statement (a long migration, a
 * lock wait) still runs, instead of when the statement finishes.
 */
public final class ClientConnectionCheck {

	private static final int FIRST_VERSION = 14;

	private ClientConnectionCheck() {
	}

	/**
	 * Ask the server to check this session's client every second, where it can.
	 * @param connection a migration connection, in auto-commit or inside a transaction the caller commits
	 * @throws SQLException if the server cannot be asked
	 */
	public static void enable(Connection connection) throws SQLException {
		if (connection.getMetaData().getDatabaseMajorVersion() >= FIRST_VERSION) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("select set_config('client_connection_check_interval', '1000', false)");
			}
		}
	}

}
