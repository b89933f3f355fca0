package io.github.duality.autoconfigure;

import java.util.stream.Collectors;

import io.github.duality.autoconfigure.r2dbc.DerivedR2dbcConnectionDetails;
import io.github.duality.core.DerivedConnection;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.core.env.Environment;

/**
 * Logs, once all singletons exist, one INFO line saying where each path goes: derived by Duality (with secrets
 * masked) or configured explicitly by the user, and by what. Each migration tool on the classpath describes its own
 * part ({@link MigrationPathReport}).
 */
class DualityStartupReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DualityStartupReport.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	DualityStartupReport(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (logger.isInfoEnabled()) {
			logger.info("Duality: application path -> " + applicationPath() + "; migration path -> " + migrationPath());
		}
	}

	String applicationPath() {
		if (this.beanFactory.getBeanProvider(DerivedR2dbcConnectionDetails.class).getIfUnique() != null) {
			DerivedConnection derived = this.beanFactory.getBean(DerivedConnection.class);
			return TargetDescriptions.application(derived.r2dbc()) + ", " + poolSize();
		}
		return ExplicitConfiguration.describe(this.beanFactory, this.environment, "spring.r2dbc.url",
				R2dbcConnectionDetails.class, ConnectionFactory.class);
	}

	String migrationPath() {
		String tools = this.beanFactory.getBeanProvider(MigrationPathReport.class)
			.orderedStream()
			.map(MigrationPathReport::describe)
			.collect(Collectors.joining(", and "));
		return tools.isEmpty() ? "none (neither Liquibase nor Flyway is on the classpath)" : tools;
	}

	private String poolSize() {
		ConnectionFactory factory = this.beanFactory.getBeanProvider(ConnectionFactory.class).getIfUnique();
		if (factory instanceof ConnectionPool pool) {
			return pool.getMetrics().map(PoolMetrics::getMaxAllocatedSize).map((max) -> "pool max " + max)
				.orElse("pooled");
		}
		return "not pooled";
	}

}
