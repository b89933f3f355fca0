package io.github.duality.autoconfigure;

/**
 * What Boot's JDBC-flavoured connection details share: the migration target's URL (see
 * {@link ConnectionDetailsJdbcUrl}) and a role.
 */
abstract class MigrationTargetDetails {

	private final String jdbcUrl;

	private final String username;

	private final String password;

	MigrationTargetDetails(String jdbcUrl, String username, String password) {
		this.jdbcUrl = jdbcUrl;
		this.username = username;
		this.password = password;
	}

	public String getUsername() {
		return this.username;
	}

	public String getPassword() {
		return this.password;
	}

	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	public String getDriverClassName() {
		return "org.postgresql.Driver";
	}

}
