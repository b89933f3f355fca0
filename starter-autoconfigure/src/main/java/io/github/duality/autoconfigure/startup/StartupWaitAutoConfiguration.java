package io.github.duality.autoconfigure.startup;

import java.time.Duration;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.r2dbc.spi.ConnectionFactory;
import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
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

		// static and bound by hand: a post-processor is created before configuration properties are
		@Bean
		static MigrationStartupWait<SpringLiquibase> dualityLiquibaseStartupWait(Environment environment) {
			return new MigrationStartupWait<>(new DatabaseWait(startupWait(environment)), SpringLiquibase.class,
					SpringLiquibase::getDataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Flyway.class)
	static class FlywayPathConfiguration {

		// the Flyway bean is initialized before the bean that migrates with it
		@Bean
		static MigrationStartupWait<Flyway> dualityFlywayStartupWait(Environment environment) {
			return new MigrationStartupWait<>(new DatabaseWait(startupWait(environment)), Flyway.class,
					(flyway) -> flyway.getConfiguration().getDataSource());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ConnectionFactory.class)
	static class ApplicationPathConfiguration {

		@Bean
		ApplicationStartupWait dualityApplicationStartupWait(Environment environment,
				ObjectProvider<ConnectionFactory> connectionFactory,
				ObjectProvider<R2dbcConnectionDetails> connectionDetails) {
			return new ApplicationStartupWait(new DatabaseWait(startupWait(environment)), connectionFactory,
					connectionDetails);
		}

	}

	/**
	 * {@code duality.startup.wait}, bound as the waits bind it.
	 * @param environment the application's environment
	 * @return the wait, zero when it is not set
	 */
	public static Duration startupWait(Environment environment) {
		return Binder.get(environment).bind("duality.startup.wait", Duration.class).orElse(Duration.ZERO);
	}

}
