package io.github.duality.autoconfigure.liquibase;

import io.github.duality.autoconfigure.MigrationTargetDetails;
import io.github.duality.core.JdbcTarget;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;

/**
 * The migration target for Liquibase, as {@code spring.liquibase.user/password} leave it.
 */
public class DerivedLiquibaseConnectionDetails extends MigrationTargetDetails implements LiquibaseConnectionDetails {

	DerivedLiquibaseConnectionDetails(JdbcTarget target, @Nullable String liquibaseUser,
			@Nullable String liquibasePassword) {
		super(target, liquibaseUser, liquibasePassword);
	}

}
