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

	private final String databaseUrl;

	private final HandWrittenUrls handWritten;

	private final String origin;

	private final Connection monitor;

	private BenchDatabase(String databaseUrl, HandWrittenUrls handWritten, String origin) throws SQLException {
		this.databaseUrl = databaseUrl;
		this.handWritten = handWritten;
		this.monitor = connect(handWritten, MONITOR_APPLICATION_NAME);
		this.origin = origin + ", PostgreSQL " + scalar("show server_version");
	}

	static BenchDatabase open(String givenUrl) throws SQLException {
		if (givenUrl != null && !givenUrl.isBlank()) {
			return new BenchDatabase(givenUrl, HandWrittenUrls.fromLibpqUrl(givenUrl), "DATABASE_URL");
		}
		TestPostgres postgres = TestPostgres.get();
		HandWrittenUrls handWritten = HandWrittenUrls.of(postgres.host(), postgres.port(), postgres.database(),
				postgres.username(), postgres.password(), "verify-full", postgres.caCertificate().toAbsolutePath().toString());
		return new BenchDatabase(postgres.databaseUrl(), handWritten,
				"the project's test PostgreSQL (TLS verify-full, scram-sha-256, loopback)");
	}

	/** What the starter's sample app is given: one URL, credentials inside. */
	String databaseUrl() {
		return this.databaseUrl;
	}

	HandWrittenUrls handWritten() {
		return this.handWritten;
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
