package io.github.duality.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.DualityProperties;
import io.github.duality.autoconfigure.TargetDescriptions;
import io.github.duality.core.R2dbcTarget;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@code database} health contributor: {@code migration} (the JDBC path Liquibase uses) and
 * {@code application} (the R2DBC pool the application uses).
 */
@AutoConfiguration(after = { DualityAutoConfiguration.class, R2dbcAutoConfiguration.class,
		LiquibaseAutoConfiguration.class })
@ConditionalOnClass({ ReactiveHealthContributor.class, ConditionalOnEnabledHealthIndicator.class, Mono.class })
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
@ConditionalOnBean(ConnectionFactory.class)
@ConditionalOnEnabledHealthIndicator("database")
public final class DualityHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "databaseHealthContributor")
	ReactiveHealthContributor databaseHealthContributor(ObjectProvider<ConnectionFactory> connectionFactory,
			ObjectProvider<R2dbcConnectionDetails> r2dbcConnectionDetails,
			ObjectProvider<LiquibaseConnectionDetails> liquibaseConnectionDetails, DualityProperties properties,
			Environment environment) {
		Map<String, ReactiveHealthContributor> components = new LinkedHashMap<>();
		LiquibaseConnectionDetails migration = liquibaseConnectionDetails.getIfUnique();
		if (migration != null && migration.getJdbcUrl() != null) {
			components.put("migration", new MigrationPathHealthIndicator(migration, changeLogTable(environment),
					properties.getHealth().getTimeout()));
		}
		ConnectionFactory application = connectionFactory.getIfUnique();
		if (application != null) {
			R2dbcConnectionDetails details = r2dbcConnectionDetails.getIfUnique();
			String url = (details != null) ? TargetDescriptions.r2dbcUrl(new R2dbcTarget(details.getConnectionFactoryOptions()))
					: null;
			components.put("application",
					new ApplicationPathHealthIndicator(application, url, properties.getHealth().getTimeout()));
		}
		return CompositeReactiveHealthContributor.fromMap(components);
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

}
