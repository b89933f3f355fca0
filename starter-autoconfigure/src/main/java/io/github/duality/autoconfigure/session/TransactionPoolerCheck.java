package io.github.duality.autoconfigure.session;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import io.github.duality.core.TransactionPooler;
import io.github.duality.core.TransactionPoolerException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;

/**
 * Recognises, on the migration path's own connections, a pooler the URL does not show. A server announces its
 * backend's process id when a session starts; a pooler announces one of its own, so the two differ only behind a
 * pooler. Then two connections open side by side query their backend in turn: a server, or a session-mode pooler,
 * gives each its own backend for its whole life, while a transaction pooler hands an idle backend to whichever
 * client asks next, so both see the same one.
 */
final class TransactionPoolerCheck {

	private static final Log logger = LogFactory.getLog(TransactionPoolerCheck.class);

	/** Turns each connection gets: an idle transaction pooler hands the backend just released to the other. */
	private static final int ROUNDS = 3;

	private TransactionPoolerCheck() {
	}

	/**
	 * Check on a connection of the migration tool's own data source.
	 * @param dataSource the migration tool's data source
	 * @throws TransactionPoolerException when the two connections shared a backend
	 * @throws SQLException when a connection cannot be opened or queried
	 */
	static void check(DataSource dataSource) throws SQLException {
		try (Connection first = dataSource.getConnection()) {
			check(first, dataSource);
		}
	}

	/**
	 * Check on the migration tool's first connection, before it takes a lock: no further connection unless a pooler
	 * answered it.
	 * @param first a connection in auto-commit, just opened
	 * @param dataSource where it came from, for a second connection side by side
	 * @throws TransactionPoolerException when the two connections shared a backend
	 * @throws SQLException when a connection cannot be opened or queried
	 */
	static void check(Connection first, DataSource dataSource) throws SQLException {
		int announced = first.unwrap(PGConnection.class).getBackendPID();
		int backend = backendOf(first);
		if (announced == backend) {
			return;
		}
		Set<Integer> firstBackends = new HashSet<>(Set.of(backend));
		Set<Integer> secondBackends = new HashSet<>();
		try (Connection second = dataSource.getConnection()) {
			for (int round = 0; round < ROUNDS; round++) {
				secondBackends.add(backendOf(second));
				firstBackends.add(backendOf(first));
				Set<Integer> shared = new HashSet<>(firstBackends);
				shared.retainAll(secondBackends);
				if (!shared.isEmpty()) {
					throw new TransactionPoolerException(new TransactionPooler(null,
							"seen at run time: two migration connections were served by the same PostgreSQL "
									+ "session " + shared.iterator().next(),
							"the database server's own host and port, or a session-mode pooler", null));
				}
			}
		}
		logger.info("Duality: a pooler is in front of the migration path (the session announced process "
				+ announced + ", the server runs it as " + backend + "); it keeps one server session per "
				+ "connection (session mode), so migrations may use it");
	}

	private static int backendOf(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

}
