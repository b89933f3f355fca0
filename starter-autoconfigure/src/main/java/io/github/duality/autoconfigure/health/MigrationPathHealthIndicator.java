package io.github.duality.autoconfigure.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.github.duality.autoconfigure.MigrationTool;
import io.github.duality.autoconfigure.migration.MigrationRuns;
import io.github.duality.autoconfigure.migration.PendingMigrations;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Parameter;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the migration path. Reports what each migration tool did at startup ({@code startup}, from memory),
 * and at most once per interval checks the path itself: one short-lived, unpooled pgjdbc connection made as the
 * migration tool makes it, with the server, the TLS in use on it, each tool's history and, when another process
 * migrates, what is pending (then OUT_OF_SERVICE, so that readiness waits). Probes in between get the last check.
 * The first check starts as soon as the startup migrations have succeeded, so that the first probe finds it done.
 * <p>
 * The check runs on a thread of its own and is never interrupted: a probe that waits longer than the timeout gets
 * DOWN while the check ends on its own (bounded by the driver's timeouts), so that no failure, however it happens,
 * ends up in an ERROR log. A failure is DOWN with its cause in the details.
 */
public class MigrationPathHealthIndicator implements ReactiveHealthIndicator {

	private static final String SERVER_FACTS = "select current_user, current_database(), "
			+ "current_setting('server_version'), "
			+ "coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false)";

	private static final Executor CHECK_THREAD = (check) -> {
		Thread thread = new Thread(check, "duality-migration-health");
		thread.setDaemon(true);
		thread.start();
	};

	private final MigrationTool.JdbcLogin connection;

	private final @Nullable String endpoint;

	private final List<SchemaHistory> histories;

	private final List<PendingMigrations> pending;

	private final MigrationRuns runs;

	private final Duration timeout;

	private final Duration interval;

	private @Nullable CompletableFuture<Health> lastCheck;

	private long lastCheckStartedAt;

	/**
	 * @param connection how the migration tools connect
	 * @param endpoint where that endpoint comes from, when not from spring.datasource.url itself, or {@code null}
	 * @param histories the tools' history tables
	 * @param pending what each tool has not applied yet
	 * @param runs what the tools did at startup
	 * @param timeout the longest a check may take
	 * @param interval how long a check's result is reused
	 */
	MigrationPathHealthIndicator(MigrationTool.JdbcLogin connection, @Nullable String endpoint,
			List<SchemaHistory> histories, List<PendingMigrations> pending, MigrationRuns runs, Duration timeout,
			Duration interval) {
		this.connection = connection;
		this.endpoint = endpoint;
		this.histories = List.copyOf(histories);
		this.pending = List.copyOf(pending);
		this.runs = runs;
		this.timeout = timeout;
		this.interval = interval;
	}

	@Override
	public Mono<Health> health() {
		return Mono.defer(() -> Mono.fromFuture(currentCheck(), true))
			.timeout(this.timeout, Mono.fromSupplier(() -> down("No answer within " + this.timeout)))
			.map(this::withStartup);
	}

	/**
	 * Starts the first check now, in the background, when every migration tool has just migrated at startup: the
	 * first probe, often a readiness probe as soon as the port opens, then finds the path checked instead of waiting
	 * for a TLS connection made on a cold JVM. Nothing when the interval keeps no result (each probe checks anyway)
	 * or when nothing migrated (the path has not been used yet).
	 */
	void checkAfterStartupMigrations() {
		if (this.interval.compareTo(Duration.ZERO) > 0 && this.runs.allSucceeded()) {
			currentCheck();
		}
	}

	/** The check in progress, or the last one while it is younger than the interval, else a new one. */
	private synchronized CompletableFuture<Health> currentCheck() {
		long now = System.nanoTime();
		CompletableFuture<Health> last = this.lastCheck;
		if (last != null && (!last.isDone() || now - this.lastCheckStartedAt < this.interval.toNanos())) {
			return last;
		}
		this.lastCheckStartedAt = now;
		CompletableFuture<Health> check = CompletableFuture.supplyAsync(this::checkOrDown, CHECK_THREAD);
		this.lastCheck = check;
		return check;
	}

	private Health checkOrDown() {
		try {
			return QuietDriverLogging.call(this::check);
		}
		catch (Exception ex) {
			return down(HealthDetails.message(ex));
		}
	}

	private Health check() throws Exception {
		Health.Builder health = target(Health.up());
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
		Map<String, Object> pendingByTool = new LinkedHashMap<>();
		for (PendingMigrations tool : this.pending) {
			List<String> names = tool.pending();
			if (!names.isEmpty()) {
				pendingByTool.put(tool.tool(), names);
			}
		}
		if (!pendingByTool.isEmpty()) {
			health.status(Status.OUT_OF_SERVICE).withDetail("pending", pendingByTool);
		}
		return health.withDetail("checkedAt", Instant.now().toString()).build();
	}

	private Connection connect() throws SQLException {
		Properties properties = new Properties();
		set(properties, Parameter.USER, this.connection.username());
		set(properties, Parameter.PASSWORD, this.connection.password());
		String seconds = String.valueOf(Math.max(1, this.timeout.toSeconds()));
		set(properties, Parameter.CONNECT_TIMEOUT, seconds);
		set(properties, Parameter.LOGIN_TIMEOUT, seconds);
		set(properties, Parameter.SOCKET_TIMEOUT, seconds);
		set(properties, Parameter.APPLICATION_NAME, "duality-health");
		Connection jdbc = new Driver().connect(this.connection.jdbcUrl(), properties);
		if (jdbc == null) {
			throw new SQLException("Not a PostgreSQL JDBC URL");
		}
		return jdbc;
	}

	/** Sets a pgjdbc property, unless there is no value. */
	private static void set(Properties properties, Parameter parameter, @Nullable String value) {
		if (value != null) {
			properties.setProperty(parameter.preferredName(ParameterFamily.PGJDBC), value);
		}
	}

	/** Where the migration path connects, and where that endpoint comes from. */
	private Health.Builder target(Health.Builder health) {
		health.withDetail("url", this.connection.urlWithoutQuery());
		return (this.endpoint != null) ? health.withDetail("endpoint", this.endpoint) : health;
	}

	private Health down(String error) {
		return target(Health.down()).withDetail("error", error)
			.withDetail("checkedAt", Instant.now().toString())
			.build();
	}

	private Health withStartup(Health checked) {
		Map<String, Object> startup = new LinkedHashMap<>();
		for (SchemaHistory history : this.histories) {
			this.runs.get(history.name()).ifPresent((run) -> startup.put(history.name(), run.details()));
		}
		if (startup.isEmpty()) {
			return checked;
		}
		return Health.status(checked.getStatus()).withDetails(checked.getDetails()).withDetail("startup", startup)
			.build();
	}

}
