package io.github.duality.autoconfigure.health;

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

	/** Flyway's marker row for schemas it created: not a migration. */
	private static final String APPLIED = "success and type <> 'SCHEMA'";

	@Bean
	@Order(1)
	SchemaHistory flywaySchemaHistory(ObjectProvider<FlywayConnectionDetails> connectionDetails,
			Environment environment) {
		Binder binder = Binder.get(environment);
		return new SchemaHistory("flyway", schema(binder),
				binder.bind("spring.flyway.table", String.class).orElse("flyway_schema_history"),
				() -> connection(connectionDetails.getIfUnique()), FlywayHistoryConfiguration::appliedAndLast);
	}

	/**
	 * Where Flyway keeps its history, as its {@code spring.flyway.*} properties say: in the default schema, else the
	 * first of its schemas, else the connection's current schema.
	 */
	private static @Nullable String schema(Binder binder) {
		return binder.bind("spring.flyway.default-schema", String.class)
			.orElseGet(() -> binder.bind("spring.flyway.schemas", Bindable.listOf(String.class))
				.map((schemas) -> schemas.isEmpty() ? null : schemas.get(0))
				.orElse(null));
	}

	private static @Nullable MigrationConnection connection(@Nullable FlywayConnectionDetails details) {
		return (details != null)
				? MigrationConnection.of(details.getJdbcUrl(), details.getUsername(), details.getPassword()) : null;
	}

	private static String appliedAndLast(String table) {
		return "select count(*) filter (where " + APPLIED + "), (select script from " + table + " where " + APPLIED
				+ " order by installed_rank desc limit 1) from " + table;
	}

}
