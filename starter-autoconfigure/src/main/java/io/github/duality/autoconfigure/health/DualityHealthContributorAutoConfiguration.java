package io.github.duality.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.DualityProperties;
import io.github.duality.autoconfigure.MigrationTool;
import io.github.duality.autoconfigure.TargetDescriptions;
import io.github.duality.autoconfigure.migration.MigrationModeAutoConfiguration;
import io.github.duality.autoconfigure.migration.MigrationRuns;
import io.github.duality.autoconfigure.migration.PendingMigrations;
import io.github.duality.autoconfigure.r2dbc.DerivedR2dbcConnectionDetails;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.MigrationPath;
import io.github.duality.core.R2dbcTarget;
import io.github.duality.core.TransactionPooler;
import io.r2dbc.spi.ConnectionFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The {@code database} health contributor: {@code migration} (the JDBC path the migration tools use, with the
 * history of each) and {@code application} (the R2DBC pool the application uses).
 */
@AutoConfiguration(after = { DualityAutoConfiguration.class, R2dbcAutoConfiguration.class,
		MigrationModeAutoConfiguration.class },
		afterName = { "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@ConditionalOnClass({ ReactiveHealthContributor.class, ConditionalOnEnabledHealthIndicator.class, Mono.class })
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
@ConditionalOnBean(ConnectionFactory.class)
@ConditionalOnEnabledHealthIndicator("database")
@Import({ LiquibaseHistoryConfiguration.class, FlywayHistoryConfiguration.class })
public final class DualityHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "databaseHealthContributor")
	ReactiveHealthContributor databaseHealthContributor(ObjectProvider<ConnectionFactory> connectionFactory,
			ObjectProvider<R2dbcConnectionDetails> r2dbcConnectionDetails, ObjectProvider<SchemaHistory> histories,
			ObjectProvider<PendingMigrations> pending, ObjectProvider<MigrationRuns> runs,
			ObjectProvider<DerivedConnection> derivedConnection, DualityProperties properties) {
		Map<String, ReactiveHealthContributor> components = new LinkedHashMap<>();
		R2dbcConnectionDetails details = r2dbcConnectionDetails.getIfUnique();
		// asked for only when the application path is derived: otherwise nothing need read spring.datasource.url
		DerivedConnection derived = (details instanceof DerivedR2dbcConnectionDetails)
				? derivedConnection.getIfAvailable() : null;
		List<SchemaHistory> used = histories.orderedStream().filter((history) -> history.connection() != null).toList();
		if (!used.isEmpty()) {
			// both tools normally share the derived target; the first one's connection stands for the path
			MigrationTool.JdbcLogin connection = used.get(0).connection();
			components.put("migration", new MigrationPathHealthIndicator(connection, endpoint(derived, connection),
					used, pending.orderedStream().toList(),
							runs.getIfAvailable(MigrationRuns::new), properties.getHealth().getTimeout(),
							properties.getHealth().getMigration().getInterval()));
		}
		ConnectionFactory application = connectionFactory.getIfUnique();
		if (application != null) {
			String url = (details != null)
					? new R2dbcTarget(details.getConnectionFactoryOptions()).url() : null;
			TransactionPooler pooler = (derived != null) ? derived.pooler() : null;
			components.put("application", new ApplicationPathHealthIndicator(application, url,
					(pooler != null) ? pooler.describe() : null, properties.getHealth().getTimeout()));
		}
		return CompositeReactiveHealthContributor.fromMap(components);
	}

	/**
	 * Once every singleton exists, and so every startup migration has run: the migration path's first check, in the
	 * background, while the web server starts. Not for a {@code databaseHealthContributor} of the user's own.
	 */
	@Bean
	SmartInitializingSingleton dualityMigrationPathFirstCheck(
			@Qualifier("databaseHealthContributor") ObjectProvider<ReactiveHealthContributor> contributor) {
		return () -> {
			if (contributor.getIfAvailable() instanceof CompositeReactiveHealthContributor database
					&& database.getContributor("migration") instanceof MigrationPathHealthIndicator migration) {
				migration.checkAfterStartupMigrations();
			}
		};
	}

	/** Where a derived migration endpoint comes from, when not from spring.datasource.url itself. */
	private static @Nullable String endpoint(@Nullable DerivedConnection derived,
			MigrationTool.JdbcLogin connection) {
		if (derived == null || derived.migration().endpoint() == MigrationPath.Endpoint.APPLICATION_URL
				|| !connection.jdbcUrl().startsWith(derived.migrationJdbc().url())) {
			return null;
		}
		return (derived.migration().endpoint() == MigrationPath.Endpoint.MIGRATION_URL) ? "duality.migration.url"
				: derived.migration().describe();
	}

}
