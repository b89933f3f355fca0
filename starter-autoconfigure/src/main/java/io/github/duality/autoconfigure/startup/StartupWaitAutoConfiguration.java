package io.github.duality.autoconfigure.startup;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.DualityProperties;
import io.github.duality.autoconfigure.flyway.FlywayTool;
import io.github.duality.autoconfigure.liquibase.LiquibaseTool;
import io.r2dbc.spi.ConnectionFactory;
import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code duality.startup.wait}: the first connection of each path is retried while the database is not reachable
 * yet, as when the application and its database start together (Docker Compose, Kubernetes).
 */
@AutoConfiguration(after = DualityAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
@ConditionalOnProperty("duality.startup.wait")
public final class StartupWaitAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SpringLiquibase.class)
	static class LiquibasePathConfiguration {

		// static, with its properties bound from the environment: a post-processor is created before configuration
		// properties are
		@Bean
		static MigrationStartupWait<SpringLiquibase> dualityLiquibaseStartupWait(Environment environment) {
			return new MigrationStartupWait<>(databaseWait(environment), LiquibaseTool.INSTANCE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Flyway.class)
	static class FlywayPathConfiguration {

		// the Flyway bean is initialized before the bean that migrates with it
		@Bean
		static MigrationStartupWait<Flyway> dualityFlywayStartupWait(Environment environment) {
			return new MigrationStartupWait<>(databaseWait(environment), FlywayTool.INSTANCE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ConnectionFactory.class)
	static class ApplicationPathConfiguration {

		@Bean
		ApplicationStartupWait dualityApplicationStartupWait(Environment environment,
				ObjectProvider<ConnectionFactory> connectionFactory,
				ObjectProvider<R2dbcConnectionDetails> connectionDetails) {
			return new ApplicationStartupWait(databaseWait(environment), connectionFactory,
					connectionDetails);
		}

	}

	private static DatabaseWait databaseWait(Environment environment) {
		return new DatabaseWait(DualityProperties.startup(environment).getWait());
	}

}
