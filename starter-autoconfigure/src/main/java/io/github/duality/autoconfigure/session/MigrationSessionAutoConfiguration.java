package io.github.duality.autoconfigure.session;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.ClassicConfiguration;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * The migration path's session, for each migration tool on the classpath: no transaction pooler in between, and a
 * prompt end when the JVM is told to stop while migrations run.
 */
@AutoConfiguration(after = DualityAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
@ConditionalOnClass(name = "org.postgresql.PGConnection")
public final class MigrationSessionAutoConfiguration {

	// static and infrastructure: the post-processors below need it before other beans exist
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static MigrationStopGuard dualityMigrationStopGuard() {
		return new MigrationStopGuard();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SpringLiquibase.class)
	static class LiquibasePathConfiguration {

		@Bean
		static MigrationSessionPreflight<SpringLiquibase> dualityLiquibaseSessionPreflight(MigrationStopGuard guard) {
			return new MigrationSessionPreflight<>(guard, SpringLiquibase.class, SpringLiquibase::getDataSource,
					SpringLiquibase::setDataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Flyway.class)
	static class FlywayPathConfiguration {

		// the Flyway bean is initialized before the bean that migrates with it, which reads this configuration
		@Bean
		static MigrationSessionPreflight<Flyway> dualityFlywaySessionPreflight(MigrationStopGuard guard) {
			return new MigrationSessionPreflight<>(guard, Flyway.class,
					(flyway) -> flyway.getConfiguration().getDataSource(), (flyway, dataSource) -> {
						if (flyway.getConfiguration() instanceof ClassicConfiguration configuration) {
							configuration.setDataSource(dataSource);
						}
					});
		}

	}

}
