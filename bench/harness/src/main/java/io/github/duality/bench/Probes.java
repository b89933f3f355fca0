package io.github.duality.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Mono;

/**
 * One request or connection at a time, timed: the health endpoint against what it stands for, one raw connect plus
 * {@code SELECT 1} on each driver, made from the hand-written URLs (the same TLS settings).
 */
final class Probes {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final List<String> MIGRATION_CHECK_LIKE_QUERIES = List.of(
			"select current_user, current_database(), current_setting('server_version'), "
					+ "coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false)",
			"select to_regclass('databasechangelog')::text",
			"select count(*) over (), id from databasechangelog order by orderexecuted desc limit 1");

	private final HandWrittenUrls urls;

	private final ConnectionFactory r2dbc;

	Probes(HandWrittenUrls urls) {
		this.urls = urls;
		this.r2dbc = ConnectionFactories.get(ConnectionFactoryOptions.parse(urls.r2dbcUrl())
			.mutate()
			.option(ConnectionFactoryOptions.USER, urls.username())
			.option(ConnectionFactoryOptions.PASSWORD, urls.password())
			.build());
	}

	/** Milliseconds for one {@code GET}, which must answer 200. */
	static double get(HttpClient http, URI uri) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).build();
		long start = System.nanoTime();
		int status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
		double millis = (System.nanoTime() - start) / 1e6;
		if (status != 200) {
			throw new IllegalStateException(uri + " answered " + status);
		}
		return millis;
	}

	/** Milliseconds for a new pgjdbc connection, {@code SELECT 1}, close. */
	double jdbcConnectAndSelectOne() throws Exception {
		long start = System.nanoTime();
		try (Connection connection = BenchDatabase.connect(this.urls, "duality-bench-raw");
				Statement statement = connection.createStatement();
				ResultSet one = statement.executeQuery("SELECT 1")) {
			one.next();
		}
		return (System.nanoTime() - start) / 1e6;
	}

	/**
	 * Milliseconds for a new pgjdbc connection and three queries like those of the starter's migration check (server
	 * facts with the session's TLS, the change-log table's name, its last row), close: what that check costs beside
	 * {@link #jdbcConnectAndSelectOne()}, without HTTP and the application-path check.
	 */
	double jdbcConnectAndThreeQueries() throws Exception {
		long start = System.nanoTime();
		try (Connection connection = BenchDatabase.connect(this.urls, "duality-bench-raw");
				Statement statement = connection.createStatement()) {
			for (String sql : MIGRATION_CHECK_LIKE_QUERIES) {
				try (ResultSet rows = statement.executeQuery(sql)) {
					rows.next();
				}
			}
		}
		return (System.nanoTime() - start) / 1e6;
	}

	/** Milliseconds for a new r2dbc-postgresql connection, {@code SELECT 1}, close. */
	double r2dbcConnectAndSelectOne() {
		long start = System.nanoTime();
		Mono.usingWhen(this.r2dbc.create(),
				(connection) -> Mono.from(connection.createStatement("SELECT 1").execute())
					.flatMap((result) -> Mono.from(result.map((row, metadata) -> row.get(0)))),
				(connection) -> connection.close())
			.block(TIMEOUT);
		return (System.nanoTime() - start) / 1e6;
	}

}
