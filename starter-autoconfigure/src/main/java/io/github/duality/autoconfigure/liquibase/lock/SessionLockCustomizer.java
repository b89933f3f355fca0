package io.github.duality.autoconfigure.liquibase.lock;

import liquibase.Liquibase;
import liquibase.integration.spring.Customizer;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Opts every {@link SpringLiquibase} of the application into {@link PostgresSessionLockService}, keeping any
 * {@code Customizer<Liquibase>} it already has. Boot's own and user-defined {@code SpringLiquibase} beans alike, so
 * that the lock is crash-safe however the migration path is configured.
 */
class SessionLockCustomizer implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase liquibase) {
			Customizer<Liquibase> existing = liquibase.getCustomizer();
			liquibase.setCustomizer((run) -> {
				SessionLockDatabases.optIn(run.getDatabase());
				if (existing != null) {
					existing.customize(run);
				}
			});
		}
		return bean;
	}

}
