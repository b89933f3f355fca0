package io.github.duality.autoconfigure.health;

import org.jspecify.annotations.Nullable;

/**
 * How a migration tool connects: the JDBC URL and role of its connection details.
 */
final class MigrationConnection {

	private final String jdbcUrl;

	private final @Nullable String username;

	private final @Nullable String password;

	MigrationConnection(String jdbcUrl, @Nullable String username, @Nullable String password) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
	}

	/** The connection of connection details whose URL may be unset (Boot's then use the DataSource bean). */
	static @Nullable MigrationConnection of(@Nullable String jdbcUrl, @Nullable String username,
			@Nullable String password) {
		return (jdbcUrl != null) ? new MigrationConnection(jdbcUrl, username, password) : null;
	}

	String jdbcUrl() {
		return this.jdbcUrl;
	}

	@Nullable String username() {
		return this.username;
	}

	@Nullable String password() {
		return this.password;
	}

	@Override
	public String toString() {
		return HealthDetails.withoutQuery(this.jdbcUrl) + " as " + this.username;
	}

}
