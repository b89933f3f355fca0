package io.github.duality.autoconfigure.health;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Flyway's schema history in the migration health component, when Flyway has connection details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.flywaydb.core.Flyway",
		"org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails" })
@ConditionalOnBean(FlywayConnectionDetails.class)
class FlywayHistoryConfiguration {

	@Bean
	@Order(1)
	SchemaHistory flywaySchemaHistory(ObjectProvider<FlywayConnectionDetails> connectionDetails,
			Environment environment) {
		return new FlywaySchemaHistory(historyTable(environment), connectionDetails);
	}

	/**
	 * Where Flyway keeps its history, named as its {@code spring.flyway.*} properties say: in the default schema,
	 * else the first of its schemas, else the connection's current schema.
	 */
	private static String historyTable(Environment environment) {
		Binder binder = Binder.get(environment);
		String table = binder.bind("spring.flyway.table", String.class).orElse("flyway_schema_history");
		String schema = binder.bind("spring.flyway.default-schema", String.class)
			.orElseGet(() -> binder.bind("spring.flyway.schemas", Bindable.listOf(String.class))
				.map((schemas) -> schemas.isEmpty() ? null : schemas.get(0))
				.orElse(null));
		String unquoted = table.toLowerCase(Locale.ROOT);
		return (schema != null) ? schema.toLowerCase(Locale.ROOT) + "." + unquoted : unquoted;
	}

	static final class FlywaySchemaHistory extends SchemaHistory {

		/** Flyway's marker row for schemas it created: not a migration. */
		private static final String APPLIED = "success and type <> 'SCHEMA'";

		private final ObjectProvider<FlywayConnectionDetails> connectionDetails;

		FlywaySchemaHistory(String table, ObjectProvider<FlywayConnectionDetails> connectionDetails) {
			super(table);
			this.connectionDetails = connectionDetails;
		}

		@Override
		String name() {
			return "flyway";
		}

		@Override
		@Nullable MigrationConnection connection() {
			FlywayConnectionDetails details = this.connectionDetails.getIfUnique();
			return (details != null)
					? MigrationConnection.of(details.getJdbcUrl(), details.getUsername(), details.getPassword())
					: null;
		}

		@Override
		String appliedAndLast(String resolvedTable) {
			return "select count(*) filter (where " + APPLIED + "), (select script from " + resolvedTable + " where "
					+ APPLIED + " order by installed_rank desc limit 1) from " + resolvedTable;
		}

	}

}
