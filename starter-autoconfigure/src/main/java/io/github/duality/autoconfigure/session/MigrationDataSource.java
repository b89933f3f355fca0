package io.github.duality.autoconfigure.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.util.ReflectionUtils;

/**
 * The migration tool's data source, as the tool gets it: each connection is known to the {@link MigrationStopGuard}
 * and has the server check its client ({@link ClientConnectionCheck}), and the first one is checked to be a session
 * of its own ({@link TransactionPoolerCheck}) before the tool can take a lock on it, at no extra connection when
 * the server itself answers.
 */
final class MigrationDataSource extends DelegatingDataSource {

	private final MigrationStopGuard guard;

	private final AtomicBoolean sessionChecked = new AtomicBoolean();

	private MigrationDataSource(DataSource dataSource, MigrationStopGuard guard) {
		super(dataSource);
		this.guard = guard;
	}

	/**
	 * @param dataSource the tool's data source
	 * @param guard what ends the migration's connections when the JVM is told to stop
	 * @return the data source to give the tool, or {@code null} for one with a close method of its own (a pool the
	 * user configured), which Spring Boot closes by that method after migrating and must keep
	 */
	static @Nullable MigrationDataSource wrap(DataSource dataSource, MigrationStopGuard guard) {
		return (ReflectionUtils.findMethod(dataSource.getClass(), "close") != null) ? null
				: new MigrationDataSource(dataSource, guard);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return prepared(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return prepared(super.getConnection(username, password));
	}

	private Connection prepared(Connection connection) throws SQLException {
		this.guard.track(connection);
		try {
			if (this.sessionChecked.compareAndSet(false, true)) {
				TransactionPoolerCheck.check(connection, getTargetDataSource());
			}
			ClientConnectionCheck.enable(connection);
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

}
