package io.github.duality.autoconfigure.liquibase;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.MigrationMode;
import io.github.duality.autoconfigure.MigrationPathReport;
import io.github.duality.autoconfigure.NoPropertyCondition;
import io.github.duality.autoconfigure.migration.ConditionalOnMigrationMode;
import io.github.duality.autoconfigure.migration.MigrationModeAutoConfiguration;
import io.github.duality.autoconfigure.migration.MigrationRuns;
import io.github.duality.autoconfigure.migration.PendingMigrations;
import io.github.duality.core.DerivedConnection;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Liquibase migration path: the derived target as {@link LiquibaseConnectionDetails}, from which Boot's
 * Liquibase auto-configuration builds a one-off, unpooled DataSource that is not a bean. Backs off for
 * {@code spring.liquibase.url}, a {@code LiquibaseConnectionDetails} bean or a {@link SpringLiquibase} bean.
 * Applies {@code duality.migration.mode} to every {@code SpringLiquibase}, and records what each run did.
 */
@AutoConfiguration(after = { DualityAutoConfiguration.class, MigrationModeAutoConfiguration.class }, before = LiquibaseAutoConfiguration.class)
@ConditionalOnClass({ SpringLiquibase.class, LiquibaseAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
public final class DualityLiquibaseAutoConfiguration {

	@Bean
	MigrationPathReport liquibasePathReport(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		return new MigrationPathReport(beanFactory, environment, LiquibaseTool.INSTANCE);
	}

	@Bean
	static LiquibaseRunRecorder dualityLiquibaseRunRecorder(ObjectProvider<MigrationRuns> runs,
			Environment environment) {
		return new LiquibaseRunRecorder(runs, MigrationMode.of(environment));
	}

	@Bean
	@ConditionalOnMigrationMode(MigrationMode.EXTERNAL)
	PendingMigrations dualityLiquibasePendingChangeSets(ObjectProvider<SpringLiquibase> liquibase) {
		return PendingMigrations.of(LiquibaseTool.INSTANCE, liquibase);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(DerivedConnection.class)
	static class DerivationConfiguration {

		@Bean
		@ConditionalOnMissingBean({ LiquibaseConnectionDetails.class, SpringLiquibase.class })
		@Conditional(NoPropertyCondition.NoLiquibaseUrl.class)
		DerivedLiquibaseConnectionDetails dualityLiquibaseConnectionDetails(DerivedConnection derived,
				Environment environment) {
			Binder binder = Binder.get(environment);
			return new DerivedLiquibaseConnectionDetails(derived.migrationJdbc(),
					binder.bind("spring.liquibase.user", String.class).orElse(null),
					binder.bind("spring.liquibase.password", String.class).orElse(null));
		}

	}

}
