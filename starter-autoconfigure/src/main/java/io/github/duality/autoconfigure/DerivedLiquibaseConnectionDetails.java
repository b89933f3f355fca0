package io.github.duality.autoconfigure;

import io.github.duality.core.JdbcTarget;

import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;

/**
 * The migration target for Liquibase: host, database and TLS always derived; the role is the URL's unless
 * {@code spring.liquibase.user} names another one (e.g. a DDL owner), as with Boot's own properties.
 */
class DerivedLiquibaseConnectionDetails implements LiquibaseConnectionDetails {

	private final String jdbcUrl;

	private final String username;

	private final String password;

	DerivedLiquibaseConnectionDetails(JdbcTarget target, String liquibaseUser, String liquibasePassword) {
		this.jdbcUrl = ConnectionDetailsJdbcUrl.of(target);
		boolean ownRole = liquibaseUser != null && !liquibaseUser.isEmpty();
		this.username = ownRole ? liquibaseUser : target.user();
		this.password = ownRole ? liquibasePassword : target.password();
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public String getDriverClassName() {
		return "org.postgresql.Driver";
	}

}
