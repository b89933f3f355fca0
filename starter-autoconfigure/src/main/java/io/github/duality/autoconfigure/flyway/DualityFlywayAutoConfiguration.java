package io.github.duality.autoconfigure.flyway;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.MigrationMode;
import io.github.duality.autoconfigure.MigrationPathReport;
import io.github.duality.autoconfigure.NoPropertyCondition;
import io.github.duality.autoconfigure.migration.ConditionalOnMigrationMode;
import io.github.duality.autoconfigure.migration.MigrationModeAutoConfiguration;
import io.github.duality.autoconfigure.migration.MigrationRuns;
import io.github.duality.autoconfigure.migration.PendingMigrations;
import io.github.duality.core.DerivedConnection;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Flyway migration path: the derived target as {@link FlywayConnectionDetails}, from which Boot's Flyway
 * auto-configuration builds a one-off, unpooled DataSource that is not a bean. Backs off for
 * {@code spring.flyway.url}, a {@code FlywayConnectionDetails} bean or a {@link Flyway} bean, as Boot's own
 * properties-based details do. Applies {@code duality.migration.mode} to Flyway, and records what each migrate did.
 */
@AutoConfiguration(after = { DualityAutoConfiguration.class, MigrationModeAutoConfiguration.class }, before = FlywayAutoConfiguration.class)
@ConditionalOnClass({ Flyway.class, FlywayAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
public final class DualityFlywayAutoConfiguration {

	@Bean
	MigrationPathReport flywayPathReport(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		return new MigrationPathReport(beanFactory, environment, FlywayTool.INSTANCE);
	}

	@Bean
	@ConditionalOnBean(MigrationRuns.class)
	FlywayRunRecorder dualityFlywayRunRecorder(MigrationRuns runs) {
		return new FlywayRunRecorder(runs);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMigrationMode(MigrationMode.EXTERNAL)
	static class ExternalMigrationConfiguration {

		/** Flyway is configured as usual but does not migrate; an application's own strategy takes precedence. */
		@Bean
		@ConditionalOnMissingBean
		FlywayMigrationStrategy dualityExternalFlywayMigrationStrategy(ObjectProvider<MigrationRuns> runs) {
			return (flyway) -> runs.ifAvailable((available) -> available.start(FlywayTool.INSTANCE.key())
				.skippedAsExternal());
		}

		@Bean
		PendingMigrations dualityFlywayPendingMigrations(ObjectProvider<Flyway> flyway) {
			return PendingMigrations.of(FlywayTool.INSTANCE, flyway);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(DerivedConnection.class)
	static class DerivationConfiguration {

		@Bean
		@ConditionalOnMissingBean({ FlywayConnectionDetails.class, Flyway.class })
		@Conditional(NoPropertyCondition.NoFlywayUrl.class)
		DerivedFlywayConnectionDetails dualityFlywayConnectionDetails(DerivedConnection derived,
				Environment environment) {
			Binder binder = Binder.get(environment);
			return new DerivedFlywayConnectionDetails(derived.migrationJdbc(),
					binder.bind("spring.flyway.user", String.class).orElse(null),
					binder.bind("spring.flyway.password", String.class).orElse(null));
		}

	}

}
