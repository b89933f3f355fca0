package io.github.duality.autoconfigure.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the application path: a query through the application's own (pooled) {@link ConnectionFactory},
 * reporting the TLS actually in use on the connection it got, and the pool's usage. A pool with every connection
 * in use is OUT_OF_SERVICE, not DOWN: the database is fine, the application is saturated.
 */
public class ApplicationPathHealthIndicator implements ReactiveHealthIndicator {

	private static final String SERVER_FACTS = "select current_user as role, current_database() as db, "
			+ "current_setting('server_version') as version, "
			+ "coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false) as tls";

	private final ConnectionFactory connectionFactory;

	private final @Nullable String url;

	private final @Nullable String pooler;

	private final Duration timeout;

	/**
	 * @param connectionFactory the application's connection factory
	 * @param url a secret-free description of where it connects, or {@code null}
	 * @param pooler the transaction pooler it goes through, described, or {@code null}
	 * @param timeout the longest the whole check may take
	 */
	public ApplicationPathHealthIndicator(ConnectionFactory connectionFactory, @Nullable String url,
			@Nullable String pooler, Duration timeout) {
		this.connectionFactory = connectionFactory;
		this.url = url;
		this.pooler = pooler;
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		return Mono.usingWhen(this.connectionFactory.create(), this::serverFacts, Connection::close,
				(connection, ex) -> connection.close(), Connection::close)
			.timeout(this.timeout)
			.map((facts) -> builder(Status.UP).withDetails(facts).withDetail("pool", poolDetails()).build())
			.onErrorResume((ex) -> Mono.just(failure(ex)));
	}

	private Mono<Map<String, Object>> serverFacts(Connection connection) {
		return Flux.from(connection.createStatement(SERVER_FACTS).execute())
			.flatMap((result) -> result.map((row, metadata) -> {
				Map<String, Object> facts = new LinkedHashMap<>();
				facts.put("user", row.get("role", String.class));
				facts.put("database", row.get("db", String.class));
				facts.put("ssl", row.get("tls", Boolean.class));
				facts.put("serverVersion", row.get("version", String.class));
				return facts;
			}))
			.next();
	}

	private Health failure(Throwable ex) {
		Optional<PoolMetrics> metrics = metrics();
		boolean exhausted = metrics.map((pool) -> pool.acquiredSize() >= pool.getMaxAllocatedSize()).orElse(false);
		if (ex instanceof TimeoutException && exhausted) {
			PoolMetrics pool = metrics.get();
			return builder(Status.OUT_OF_SERVICE)
				.withDetail("error", "Connection pool exhausted: " + pool.acquiredSize() + " of "
						+ pool.getMaxAllocatedSize() + " connections in use, " + pool.pendingAcquireSize()
						+ " waiting; the database itself was not reached")
				.withDetail("pool", poolDetails())
				.build();
		}
		String error = (ex instanceof TimeoutException) ? "No answer within " + this.timeout
				: HealthDetails.message(ex);
		return builder(Status.DOWN).withDetail("error", error).withDetail("pool", poolDetails()).build();
	}

	private Health.Builder builder(Status status) {
		Health.Builder builder = Health.status(status);
		if (this.url != null) {
			builder.withDetail("url", this.url);
		}
		if (this.pooler != null) {
			builder.withDetail("pooler", this.pooler);
		}
		return builder;
	}

	private Object poolDetails() {
		return metrics().<Object>map((pool) -> {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("acquired", pool.acquiredSize());
			details.put("idle", pool.idleSize());
			details.put("pending", pool.pendingAcquireSize());
			details.put("max", pool.getMaxAllocatedSize());
			return details;
		}).orElse("none");
	}

	private Optional<PoolMetrics> metrics() {
		return (this.connectionFactory instanceof ConnectionPool pool) ? pool.getMetrics() : Optional.empty();
	}

}
