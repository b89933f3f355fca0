package io.github.duality.autoconfigure.diagnostics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.r2dbc.spi.ConnectionFactories;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A first connection as each path opens it, with the targets Duality derives from a URL, for the exception the
 * driver really throws when it fails.
 */
final class FirstConnection {

	private static final org.postgresql.Driver PGJDBC = new org.postgresql.Driver();

	private FirstConnection() {
	}

	/** pgjdbc's failure on the migration path's target of the URL. */
	static SQLException failureOverJdbc(String url) {
		DerivedConnection derived = DatabaseUrl.derive(url, null, null);
		return failureOverJdbc(derived.migrationJdbc().url(), derived.migrationJdbc().properties());
	}

	/** pgjdbc's failure with the given properties, for what a URL cannot express yet (a client key file). */
	static SQLException failureOverJdbc(String jdbcUrl, Properties properties) {
		return (SQLException) assertThatException().isThrownBy(() -> {
			try (Connection connection = PGJDBC.connect(jdbcUrl, properties)) {
				// only the failure matters
			}
		}).isInstanceOf(SQLException.class).actual();
	}

	/** r2dbc-postgresql's failure on the application path's target of the URL. */
	static Throwable failureOverR2dbc(String url) {
		DerivedConnection derived = DatabaseUrl.derive(url, null, null);
		return assertThatException()
			.isThrownBy(() -> Mono.usingWhen(ConnectionFactories.get(derived.r2dbc().options()).create(),
					(connection) -> Mono.empty(), io.r2dbc.spi.Connection::close)
				.block(Duration.ofSeconds(60)))
			.actual();
	}

}
