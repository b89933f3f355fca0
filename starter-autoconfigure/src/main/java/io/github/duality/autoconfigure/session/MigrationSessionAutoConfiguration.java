package io.github.duality.autoconfigure.session;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.flyway.FlywayTool;
import io.github.duality.autoconfigure.liquibase.LiquibaseTool;
import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ListableBeanFactory;
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
		static MigrationSessionPreflight<SpringLiquibase> dualityLiquibaseSessionPreflight(MigrationStopGuard guard,
				ListableBeanFactory beanFactory) {
			return new MigrationSessionPreflight<>(guard, LiquibaseTool.INSTANCE, beanFactory);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Flyway.class)
	static class FlywayPathConfiguration {

		@Bean
		static MigrationSessionPreflight<Flyway> dualityFlywaySessionPreflight(MigrationStopGuard guard,
				ListableBeanFactory beanFactory) {
			return new MigrationSessionPreflight<>(guard, FlywayTool.INSTANCE, beanFactory);
		}

	}

}
