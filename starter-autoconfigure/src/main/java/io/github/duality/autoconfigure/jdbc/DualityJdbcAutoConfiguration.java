package io.github.duality.autoconfigure.jdbc;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.core.DerivedConnection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The derived migration target as {@link JdbcConnectionDetails}, only when a migration tool is on the classpath:
 * it is what opens the conditions of Boot's Liquibase and Flyway auto-configurations when there is no DataSource.
 */
@AutoConfiguration(after = DualityAutoConfiguration.class, before = DataSourceAutoConfiguration.class,
		beforeName = { "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@ConditionalOnClass(JdbcConnectionDetails.class)
@Conditional(OnMigrationToolCondition.class)
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
@ConditionalOnBean(DerivedConnection.class)
public final class DualityJdbcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(JdbcConnectionDetails.class)
	DerivedJdbcConnectionDetails dualityJdbcConnectionDetails(DerivedConnection derived) {
		return new DerivedJdbcConnectionDetails(derived.migrationJdbc());
	}

}
