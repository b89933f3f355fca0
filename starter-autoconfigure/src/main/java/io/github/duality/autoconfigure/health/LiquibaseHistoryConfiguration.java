package io.github.duality.autoconfigure.health;

import java.util.Locale;

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
		return new LiquibaseChangeLog(changeLogTable(environment), connectionDetails);
	}

	/** Where Liquibase keeps its change log, named as its {@code spring.liquibase.*} properties say. */
	private static String changeLogTable(Environment environment) {
		Binder binder = Binder.get(environment);
		String table = binder.bind("spring.liquibase.database-change-log-table", String.class)
			.orElse("databasechangelog");
		String schema = binder.bind("spring.liquibase.liquibase-schema", String.class)
			.orElseGet(() -> binder.bind("spring.liquibase.default-schema", String.class).orElse(null));
		String unquoted = table.toLowerCase(Locale.ROOT);
		return (schema != null) ? schema.toLowerCase(Locale.ROOT) + "." + unquoted : unquoted;
	}

	static final class LiquibaseChangeLog extends SchemaHistory {

		private final ObjectProvider<LiquibaseConnectionDetails> connectionDetails;

		LiquibaseChangeLog(String table, ObjectProvider<LiquibaseConnectionDetails> connectionDetails) {
			super(table);
			this.connectionDetails = connectionDetails;
		}

		@Override
		String name() {
			return "liquibase";
		}

		@Override
		@Nullable MigrationConnection connection() {
			LiquibaseConnectionDetails details = this.connectionDetails.getIfUnique();
			return (details != null)
					? MigrationConnection.of(details.getJdbcUrl(), details.getUsername(), details.getPassword())
					: null;
		}

		@Override
		String appliedAndLast(String resolvedTable) {
			return "select count(*), (select id from " + resolvedTable + " order by orderexecuted desc limit 1) from "
					+ resolvedTable;
		}

	}

}
