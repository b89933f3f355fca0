package io.github.duality.autoconfigure;

import io.github.duality.core.JdbcTarget;

/**
 * A pgjdbc target as the single URL Boot's {@code JdbcConnectionDetails} and {@code LiquibaseConnectionDetails}
 * carry beside the user and password. What such a URL can hold is duality-core's decision
 * ({@link JdbcTarget#connectionDetailsUrl()}), so that {@code explain} and startup refuse the same inputs.
 */
final class ConnectionDetailsJdbcUrl {

	private ConnectionDetailsJdbcUrl() {
	}

	static String of(JdbcTarget target) {
		return target.connectionDetailsUrl();
	}

}
