package io.github.duality.autoconfigure;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.r2dbc.spi.ConnectionFactory;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Derives, from {@code spring.datasource.url}, the connection details that Boot's own auto-configurations turn into
 * a pooled R2DBC {@link ConnectionFactory} for the application and a one-off JDBC connection for Liquibase. Each
 * path backs off when the user configured it explicitly (a bean of the same kind, or Boot's own URL property).
 */
@AutoConfiguration(before = { R2dbcAutoConfiguration.class, LiquibaseAutoConfiguration.class,
		DataSourceAutoConfiguration.class })
@ConditionalOnClass({ DatabaseUrl.class, ConnectionFactory.class })
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DualityProperties.class)
public final class DualityAutoConfiguration {

	@Bean
	static DualityStartupReport dualityStartupReport(ConfigurableListableBeanFactory beanFactory,
			Environment environment) {
		return new DualityStartupReport(beanFactory, environment);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
	static class EndpointSanitizingConfiguration {

		@Bean
		PostgresUrlSanitizingFunction postgresUrlSanitizingFunction() {
			return new PostgresUrlSanitizingFunction();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnDatasourceUrlCondition.class)
	static class DerivationConfiguration {

		/**
		 * Lazy, so that the URL is read only when a derived path is used: not at all when service connections
		 * supply every path.
		 */
		@Bean
		@Lazy
		@ConditionalOnMissingBean
		DerivedConnection dualityDerivedConnection(Environment environment) {
			return DatasourceUrlDerivation.derive(environment);
		}

		@Bean
		@ConditionalOnMissingBean({ R2dbcConnectionDetails.class, ConnectionFactory.class })
		@Conditional(NoPropertyCondition.NoR2dbcUrl.class)
		DerivedR2dbcConnectionDetails dualityR2dbcConnectionDetails(DerivedConnection derived) {
			return new DerivedR2dbcConnectionDetails(derived.r2dbc());
		}

		@Bean
		@ConditionalOnMissingBean(JdbcConnectionDetails.class)
		DerivedJdbcConnectionDetails dualityJdbcConnectionDetails(DerivedConnection derived) {
			return new DerivedJdbcConnectionDetails(derived.migrationJdbc());
		}

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
