package io.github.duality.autoconfigure.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Health of the migration path: one short-lived, unpooled pgjdbc connection made exactly as the migration tool
 * makes it, reporting the server, the TLS actually in use on that very connection, and what each migration tool
 * (Liquibase, Flyway) has applied.
 */
public class MigrationPathHealthIndicator implements ReactiveHealthIndicator {

	private static final String SERVER_FACTS = "select current_user, current_database(), "
			+ "current_setting('server_version'), "
			+ "coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false)";

	private final MigrationConnection connection;

	private final List<SchemaHistory> histories;

	private final Duration timeout;

	/**
	 * @param connection how the (first) migration tool connects
	 * @param histories the history of each migration tool on that connection
	 * @param timeout the longest the whole check may take
	 */
	MigrationPathHealthIndicator(MigrationConnection connection, List<SchemaHistory> histories, Duration timeout) {
		this.connection = connection;
		this.histories = List.copyOf(histories);
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
		Health.Builder health = Health.up().withDetail("url", HealthDetails.withoutQuery(this.connection.jdbcUrl()));
		try (Connection jdbc = connect()) {
			try (PreparedStatement statement = jdbc.prepareStatement(SERVER_FACTS);
					ResultSet facts = statement.executeQuery()) {
				facts.next();
				health.withDetail("user", facts.getString(1))
					.withDetail("database", facts.getString(2))
					.withDetail("ssl", facts.getBoolean(4))
					.withDetail("serverVersion", facts.getString(3));
			}
			for (SchemaHistory history : this.histories) {
				health.withDetail(history.name(), history.read(jdbc));
			}
		}
		return health.build();
	}

	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		putIfNotNull(properties, "user", this.connection.username());
		putIfNotNull(properties, "password", this.connection.password());
		String seconds = String.valueOf(Math.max(1, this.timeout.toSeconds()));
		properties.setProperty("connectTimeout", seconds);
		properties.setProperty("loginTimeout", seconds);
		properties.setProperty("socketTimeout", seconds);
		properties.setProperty("ApplicationName", "duality-health");
		Connection jdbc = new Driver().connect(this.connection.jdbcUrl(), properties);
		if (jdbc == null) {
			throw new SQLException("Not a PostgreSQL JDBC URL");
		}
		return jdbc;
	}

	private static void putIfNotNull(Properties properties, String name, @Nullable String value) {
		if (value != null) {
			properties.setProperty(name, value);
		}
	}

	private Health down(Throwable ex) {
		String error = (ex instanceof TimeoutException) ? "No answer within " + this.timeout
				: HealthDetails.message(ex);
		return Health.down()
			.withDetail("url", HealthDetails.withoutQuery(this.connection.jdbcUrl()))
			.withDetail("error", error)
			.build();
	}

}
