package io.github.duality.autoconfigure.jdbc;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * Matches when Liquibase or Flyway, with Boot's auto-configuration for it, is on the classpath: without either,
 * nothing is migrated and nothing needs a JDBC connection.
 */
class OnMigrationToolCondition extends AnyNestedCondition {

	OnMigrationToolCondition() {
		super(ConfigurationPhase.PARSE_CONFIGURATION);
	}

	@ConditionalOnClass(name = { "liquibase.integration.spring.SpringLiquibase",
			"org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration" })
	static final class Liquibase {

	}

	@ConditionalOnClass(name = { "org.flywaydb.core.Flyway",
			"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
	static final class Flyway {

	}

}
