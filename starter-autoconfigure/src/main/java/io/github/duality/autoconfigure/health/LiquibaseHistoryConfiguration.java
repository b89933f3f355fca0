package io.github.duality.autoconfigure.health;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Liquibase's change log in the migration health component, when Liquibase has connection details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "liquibase.integration.spring.SpringLiquibase",
		"org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails" })
@ConditionalOnBean(LiquibaseConnectionDetails.class)
class LiquibaseHistoryConfiguration {

	@Bean
	@Order(0)
	SchemaHistory liquibaseSchemaHistory(ObjectProvider<LiquibaseConnectionDetails> connectionDetails,
			Environment environment) {
		Binder binder = Binder.get(environment);
		return new SchemaHistory("liquibase", schema(binder),
				binder.bind("spring.liquibase.database-change-log-table", String.class).orElse("databasechangelog"),
				() -> connection(connectionDetails.getIfUnique()), LiquibaseHistoryConfiguration::appliedAndLast);
	}

	/** Where Liquibase keeps its change log, as its {@code spring.liquibase.*} properties say. */
	private static @Nullable String schema(Binder binder) {
		return binder.bind("spring.liquibase.liquibase-schema", String.class)
			.orElseGet(() -> binder.bind("spring.liquibase.default-schema", String.class).orElse(null));
	}

	private static @Nullable MigrationConnection connection(@Nullable LiquibaseConnectionDetails details) {
		return (details != null)
				? MigrationConnection.of(details.getJdbcUrl(), details.getUsername(), details.getPassword()) : null;
	}

	private static String appliedAndLast(String table) {
		return "select count(*), (select id from " + table + " order by orderexecuted desc limit 1) from " + table;
	}

}
