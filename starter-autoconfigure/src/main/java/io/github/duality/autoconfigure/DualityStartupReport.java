package io.github.duality.autoconfigure;

import io.github.duality.core.DerivedConnection;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import liquibase.integration.spring.SpringLiquibase;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.core.env.Environment;

/**
 * Logs, once all singletons exist, one INFO line saying where each path goes: derived by Duality (with secrets
 * masked) or configured explicitly by the user, and by what.
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
		if (single(DerivedR2dbcConnectionDetails.class) != null) {
			return TargetDescriptions.application(single(DerivedConnection.class).r2dbc()) + ", " + poolSize();
		}
		return explicitConfiguration("spring.r2dbc.url", R2dbcConnectionDetails.class, ConnectionFactory.class);
	}

	String migrationPath() {
		DerivedLiquibaseConnectionDetails liquibase = single(DerivedLiquibaseConnectionDetails.class);
		if (liquibase != null) {
			DerivedConnection derived = single(DerivedConnection.class);
			String role = liquibase.getUsername();
			boolean ownRole = role != null && !role.equals(derived.migrationJdbc().user());
			boolean enabled = this.environment.getProperty("spring.liquibase.enabled", Boolean.class, true);
			return TargetDescriptions.migration(derived.migrationJdbc())
					+ (ownRole ? ", as spring.liquibase.user " + role : "") + ", Liquibase "
					+ (enabled ? "enabled" : "disabled");
		}
		return explicitConfiguration("spring.liquibase.url", LiquibaseConnectionDetails.class, SpringLiquibase.class);
	}

	/** What the user configured a path with, in the order Boot's auto-configuration gives them precedence. */
	private String explicitConfiguration(String urlProperty, Class<?>... beanTypes) {
		if (this.environment.containsProperty(urlProperty)) {
			return "explicit " + urlProperty + " (not derived)";
		}
		for (Class<?> beanType : beanTypes) {
			String[] names = this.beanFactory.getBeanNamesForType(beanType);
			if (names.length > 0) {
				return "explicit " + beanType.getSimpleName() + " bean '" + names[0] + "' (not derived)";
			}
		}
		return "none configured";
	}

	private String poolSize() {
		ConnectionFactory factory = single(ConnectionFactory.class);
		if (factory instanceof ConnectionPool pool) {
			return pool.getMetrics().map(PoolMetrics::getMaxAllocatedSize).map((max) -> "pool max " + max)
				.orElse("pooled");
		}
		return "not pooled";
	}

	private <T> T single(Class<T> type) {
		return this.beanFactory.getBeanProvider(type).getIfUnique();
	}

}
