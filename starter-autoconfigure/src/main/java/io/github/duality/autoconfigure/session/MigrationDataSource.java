package io.github.duality.autoconfigure.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

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

	private final UnaryOperator<SQLException> connectionFailure;

	private final AtomicBoolean sessionChecked = new AtomicBoolean();

	private MigrationDataSource(DataSource dataSource, MigrationStopGuard guard,
			UnaryOperator<SQLException> connectionFailure) {
		super(dataSource);
		this.guard = guard;
		this.connectionFailure = connectionFailure;
	}

	/**
	 * @param dataSource the tool's data source
	 * @param guard what ends the migration's connections when the JVM is told to stop
	 * @param connectionFailure what the driver's failure to connect becomes, for the failure analysis
	 * @return the data source to give the tool, or {@code null} for one with a close method of its own (a pool the
	 * user configured), which Spring Boot closes by that method after migrating and must keep
	 */
	static @Nullable MigrationDataSource wrap(DataSource dataSource, MigrationStopGuard guard,
			UnaryOperator<SQLException> connectionFailure) {
		return (ReflectionUtils.findMethod(dataSource.getClass(), "close") != null) ? null
				: new MigrationDataSource(dataSource, guard, connectionFailure);
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection;
		try {
			connection = super.getConnection();
		}
		catch (SQLException ex) {
			throw this.connectionFailure.apply(ex);
		}
		return prepared(connection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		Connection connection;
		try {
			connection = super.getConnection(username, password);
		}
		catch (SQLException ex) {
			throw this.connectionFailure.apply(ex);
		}
		return prepared(connection);
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
