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
		if (this.environment.containsProperty("spring.r2dbc.url")) {
			return "explicit spring.r2dbc.url (not derived)";
		}
		String[] details = this.beanFactory.getBeanNamesForType(R2dbcConnectionDetails.class);
		if (details.length > 0) {
			return "explicit R2dbcConnectionDetails bean '" + details[0] + "' (not derived)";
		}
		String[] factories = this.beanFactory.getBeanNamesForType(ConnectionFactory.class);
		if (factories.length > 0) {
			return "explicit ConnectionFactory bean '" + factories[0] + "' (not derived)";
		}
		return "none configured";
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
		if (this.environment.containsProperty("spring.liquibase.url")) {
			return "explicit spring.liquibase.url (not derived)";
		}
		String[] details = this.beanFactory.getBeanNamesForType(LiquibaseConnectionDetails.class);
		if (details.length > 0) {
			return "explicit LiquibaseConnectionDetails bean '" + details[0] + "' (not derived)";
		}
		String[] liquibaseBeans = this.beanFactory.getBeanNamesForType(SpringLiquibase.class);
		if (liquibaseBeans.length > 0) {
			return "explicit SpringLiquibase bean '" + liquibaseBeans[0] + "' (not derived)";
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
