package io.github.duality.autoconfigure.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeoutException;

import org.postgresql.Driver;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;

/**
 * Health of the migration path: one short-lived, unpooled pgjdbc connection made exactly as Liquibase makes it,
 * reporting the server, the TLS actually in use on that very connection, and what Liquibase has applied.
 */
public class MigrationPathHealthIndicator implements ReactiveHealthIndicator {

	private static final String SERVER_FACTS = "select current_user, current_database(), "
			+ "current_setting('server_version'), "
			+ "coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false)";

	private final LiquibaseConnectionDetails connectionDetails;

	private final String changeLogTable;

	private final Duration timeout;

	/**
	 * @param connectionDetails how Liquibase connects
	 * @param changeLogTable the change-log table, optionally schema-qualified, as Liquibase names it
	 * @param timeout the longest the whole check may take
	 */
	public MigrationPathHealthIndicator(LiquibaseConnectionDetails connectionDetails, String changeLogTable,
			Duration timeout) {
		this.connectionDetails = connectionDetails;
		this.changeLogTable = changeLogTable;
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		return Mono.fromCallable(this::check)
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.timeout)
			.onErrorResume((ex) -> Mono.just(down(ex)));
	}

	private Health check() throws SQLException {
		Health.Builder health = Health.up().withDetail("url", HealthDetails.withoutQuery(this.connectionDetails.getJdbcUrl()));
		try (Connection connection = connect()) {
			try (PreparedStatement statement = connection.prepareStatement(SERVER_FACTS);
					ResultSet facts = statement.executeQuery()) {
				facts.next();
				health.withDetail("user", facts.getString(1))
					.withDetail("database", facts.getString(2))
					.withDetail("ssl", facts.getBoolean(4))
					.withDetail("serverVersion", facts.getString(3));
			}
			health.withDetail("liquibase", liquibaseState(connection));
		}
		return health.build();
	}

	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		putIfNotNull(properties, "user", this.connectionDetails.getUsername());
		putIfNotNull(properties, "password", this.connectionDetails.getPassword());
		String seconds = String.valueOf(Math.max(1, this.timeout.toSeconds()));
		properties.setProperty("connectTimeout", seconds);
		properties.setProperty("loginTimeout", seconds);
		properties.setProperty("socketTimeout", seconds);
		properties.setProperty("ApplicationName", "duality-health");
		Connection connection = new Driver().connect(this.connectionDetails.getJdbcUrl(), properties);
		if (connection == null) {
			throw new SQLException("Not a PostgreSQL JDBC URL");
		}
		return connection;
	}

	private Map<String, Object> liquibaseState(Connection connection) throws SQLException {
		Map<String, Object> state = new LinkedHashMap<>();
		String table = resolveTable(connection);
		if (table == null) {
			state.put("applied", 0);
			state.put("changeLogTable", "absent");
			return state;
		}
		String sql = "select count(*) over (), id from " + table + " order by orderexecuted desc limit 1";
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
			boolean any = rows.next();
			state.put("applied", any ? rows.getLong(1) : 0L);
			if (any) {
				state.put("last", rows.getString(2));
			}
		}
		return state;
	}

	/** The table's name as PostgreSQL quotes it, or {@code null} when Liquibase has not created it. */
	private String resolveTable(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?)::text")) {
			statement.setString(1, this.changeLogTable);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

	private static void putIfNotNull(Properties properties, String name, String value) {
		if (value != null) {
			properties.setProperty(name, value);
		}
	}

	private Health down(Throwable ex) {
		String error = (ex instanceof TimeoutException) ? "No answer within " + this.timeout
				: HealthDetails.message(ex);
		return Health.down()
			.withDetail("url", HealthDetails.withoutQuery(this.connectionDetails.getJdbcUrl()))
			.withDetail("error", error)
			.build();
	}

}
