package io.github.duality.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.DualityProperties;
import io.github.duality.autoconfigure.TargetDescriptions;
import io.github.duality.autoconfigure.migration.MigrationModeAutoConfiguration;
import io.github.duality.autoconfigure.migration.MigrationRuns;
import io.github.duality.autoconfigure.migration.PendingMigrations;
import io.github.duality.core.R2dbcTarget;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
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
			DualityProperties properties) {
		Map<String, ReactiveHealthContributor> components = new LinkedHashMap<>();
		List<SchemaHistory> used = histories.orderedStream().filter((history) -> history.connection() != null).toList();
		if (!used.isEmpty()) {
			// both tools normally share the derived target; the first one's connection stands for the path
			components.put("migration",
					new MigrationPathHealthIndicator(used.get(0).connection(), used, pending.orderedStream().toList(),
							runs.getIfAvailable(MigrationRuns::new), properties.getHealth().getTimeout(),
							properties.getHealth().getMigration().getInterval()));
		}
		ConnectionFactory application = connectionFactory.getIfUnique();
		if (application != null) {
			R2dbcConnectionDetails details = r2dbcConnectionDetails.getIfUnique();
			String url = (details != null)
					? TargetDescriptions.r2dbcUrl(new R2dbcTarget(details.getConnectionFactoryOptions())) : null;
			components.put("application",
					new ApplicationPathHealthIndicator(application, url, properties.getHealth().getTimeout()));
		}
		return CompositeReactiveHealthContributor.fromMap(components);
	}

}
