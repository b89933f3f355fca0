package io.github.duality.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import io.github.duality.testsupport.TestPostgres;
import org.postgresql.Driver;

/**
 * The database of a run, seen by the harness through one monitoring connection of its own: {@code DATABASE_URL}
 * when set, otherwise the project's test PostgreSQL (TLS verified, scram-sha-256, on loopback).
 */
final class BenchDatabase implements AutoCloseable {

	static final String MONITOR_APPLICATION_NAME = "duality-bench";

	private static final String SESSIONS = "select coalesce(nullif(application_name, ''), '(none)'), "
			+ "coalesce(backend_type, '?'), pid from pg_stat_activity "
			+ "where datname = current_database() and pid <> pg_backend_pid()";

	private final Target target;

	// the project's test server, which can create databases as its superuser; null for DATABASE_URL
	private final TestPostgres testServer;

	private final String origin;

	private final Connection monitor;

	private BenchDatabase(Target target, TestPostgres testServer, String origin) throws SQLException {
		this.target = target;
		this.testServer = testServer;
		this.monitor = connect(target.handWritten(), MONITOR_APPLICATION_NAME);
		this.origin = origin + ", PostgreSQL " + scalar("show server_version");
	}

	static BenchDatabase open(String givenUrl) throws SQLException {
		if (givenUrl != null && !givenUrl.isBlank()) {
			return new BenchDatabase(new Target(givenUrl, HandWrittenUrls.fromLibpqUrl(givenUrl)), null, "DATABASE_URL");
		}
		TestPostgres postgres = TestPostgres.get();
		return new BenchDatabase(testTarget(postgres, postgres.database()), postgres,
				"the project's test PostgreSQL (TLS verify-full, scram-sha-256, loopback)");
	}

	private static Target testTarget(TestPostgres postgres, String database) {
		return new Target(postgres.databaseUrl(database), HandWrittenUrls.of(postgres.host(), postgres.port(), database,
				postgres.username(), postgres.password(), "verify-full",
				postgres.caCertificate().toAbsolutePath().toString()));
	}

	/** The run's database, as each wiring is given it. */
	Target target() {
		return this.target;
	}

	HandWrittenUrls handWritten() {
		return this.target.handWritten();
	}

	/**
	 * A new, empty database on the same server, owned by the run's role: on the test server made by its superuser,
	 * with {@code DATABASE_URL} by that URL's role, which then needs {@code CREATEDB}.
	 * @param name a plain lower-case identifier
	 */
	Target createDatabase(String name) throws SQLException {
		if (this.testServer != null) {
			this.testServer.createDatabase(name);
			return testTarget(this.testServer, name);
		}
		try (Statement statement = this.monitor.createStatement()) {
			// a run cut short (Ctrl-C, bench/run's time limit) leaves its database behind
			statement.execute("DROP DATABASE IF EXISTS " + name);
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new SQLException("The migration rounds create a fresh database per run, and DATABASE_URL's role could "
					+ "not: " + ex.getMessage() + ". Grant it CREATEDB (ALTER ROLE ... CREATEDB) or run without "
					+ "DATABASE_URL", ex);
		}
		return new Target(withDatabase(this.target.databaseUrl(), name),
				HandWrittenUrls.fromLibpqUrl(withDatabase(this.target.databaseUrl(), name)));
	}

	/** Drops a database that {@link #createDatabase(String)} made and no session uses any more. */
	void dropDatabase(String name) throws SQLException {
		try (Statement statement = this.monitor.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
		}
	}

	/** The server sessions in the given database, the harness's own included. */
	int sessionsIn(String database) throws SQLException {
		try (PreparedStatement statement = this.monitor
			.prepareStatement("select count(*) from pg_stat_activity where datname = ?")) {
			statement.setString(1, database);
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getInt(1);
			}
		}
	}

	/** The rows of {@code databasechangelog} in a database of this run; none when Liquibase never made the table. */
	long changeLogRows(Target database) throws SQLException {
		try (Connection connection = connect(database.handWritten(), MONITOR_APPLICATION_NAME);
				Statement statement = connection.createStatement()) {
			try (ResultSet table = statement.executeQuery("select to_regclass('databasechangelog') is not null")) {
				table.next();
				if (!table.getBoolean(1)) {
					return 0;
				}
			}
			try (ResultSet rows = statement.executeQuery("select count(*) from databasechangelog")) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	// a libpq URL's path is its database: postgres://user:password@host:port/DATABASE?parameters
	private static String withDatabase(String libpqUrl, String database) {
		int path = libpqUrl.indexOf('/', libpqUrl.indexOf("://") + 3);
		int query = libpqUrl.indexOf('?');
		return libpqUrl.substring(0, path + 1) + database + ((query < 0) ? "" : libpqUrl.substring(query));
	}

	String origin() {
		return this.origin;
	}

	/** A pgjdbc connection made from the hand-written URL, as a user of plain pgjdbc would. */
	static Connection connect(HandWrittenUrls urls, String applicationName) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", urls.username());
		properties.setProperty("password", urls.password());
		properties.setProperty("ApplicationName", applicationName);
		properties.setProperty("connectTimeout", "10");
		return new Driver().connect(urls.jdbcUrl(), properties);
	}

	/** The server sessions in this database now, apart from the harness's own. */
	List<Session> sessions() throws SQLException {
		List<Session> sessions = new ArrayList<>();
		try (Statement statement = this.monitor.createStatement(); ResultSet rows = statement.executeQuery(SESSIONS)) {
			while (rows.next()) {
				sessions.add(new Session(rows.getString(1), rows.getString(2), rows.getInt(3)));
			}
		}
		return sessions;
	}

	Set<Integer> sessionIds() throws SQLException {
		Set<Integer> ids = new HashSet<>();
		sessions().forEach((session) -> ids.add(session.pid()));
		return ids;
	}

	private String scalar(String sql) throws SQLException {
		try (PreparedStatement statement = this.monitor.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getString(1);
		}
	}

	@Override
	public void close() throws SQLException {
		this.monitor.close();
	}

	/**
	 * What a wiring is given to reach one database: the starter one URL with the credentials inside, the others the
	 * hand-written URLs and credentials beside them.
	 */
	record Target(String databaseUrl, HandWrittenUrls handWritten) {

	}

	/** One server session: who opened it, as {@code pg_stat_activity} tells. */
	record Session(String applicationName, String backendType, int pid) {

		/** pgjdbc's default name, and the name the starter's migration health check gives its connection. */
		boolean isJdbc() {
			return "PostgreSQL JDBC Driver".equals(this.applicationName) || "duality-health".equals(this.applicationName);
		}

		boolean isR2dbc() {
			return "r2dbc-postgresql".equals(this.applicationName);
		}

	}

}
