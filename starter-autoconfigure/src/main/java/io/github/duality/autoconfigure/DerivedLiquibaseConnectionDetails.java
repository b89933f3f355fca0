package io.github.duality.autoconfigure;

import io.github.duality.core.JdbcTarget;

import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;

/**
 * The migration target for Liquibase: host, database and TLS always derived; the role is the URL's unless
 * {@code spring.liquibase.user} names another one (e.g. a DDL owner), as with Boot's own properties.
 */
class DerivedLiquibaseConnectionDetails extends MigrationTargetDetails implements LiquibaseConnectionDetails {

	DerivedLiquibaseConnectionDetails(JdbcTarget target, String liquibaseUser, String liquibasePassword) {
		super(ConnectionDetailsJdbcUrl.of(target), hasText(liquibaseUser) ? liquibaseUser : target.user(),
				hasText(liquibaseUser) ? liquibasePassword : target.password());
	}

	private static boolean hasText(String value) {
		return value != null && !value.isEmpty();
	}

}
