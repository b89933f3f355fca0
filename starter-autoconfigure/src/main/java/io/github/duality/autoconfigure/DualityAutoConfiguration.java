package io.github.duality.autoconfigure;

import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Derives the {@link DerivedConnection} from {@code spring.datasource.url}, which the auto-configurations of each
 * path (R2DBC, Liquibase, Flyway) turn into Boot's connection details, and reports at startup where each path goes.
 */
@AutoConfiguration(before = { R2dbcAutoConfiguration.class, DataSourceAutoConfiguration.class },
		beforeName = { "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@ConditionalOnClass({ DatabaseUrl.class, ConnectionFactory.class })
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DualityProperties.class)
@ImportRuntimeHints(DualityRuntimeHints.class)
public final class DualityAutoConfiguration {

	@Bean
	static DualityStartupReport dualityStartupReport(ConfigurableListableBeanFactory beanFactory,
			Environment environment) {
		return new DualityStartupReport(beanFactory, environment);
	}

	/**
	 * Lazy, so that the URL is read only when a derived path is used: not at all when service connections supply
	 * every path.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@Conditional(OnDatasourceUrlCondition.class)
	DerivedConnection dualityDerivedConnection(Environment environment,
			ObjectProvider<RefusedUrlListener> refusedUrlListeners, ObjectProvider<SslBundles> sslBundles) {
		try {
			return DatasourceUrlDerivation.derive(environment, sslBundles.getIfAvailable());
		}
		catch (InvalidDatasourceUrlException ex) {
			refusedUrlListeners.orderedStream().forEach((listener) -> listener.refused(ex));
			throw ex;
		}
	}

}
