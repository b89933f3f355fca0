package io.github.duality.autoconfigure.liquibase;

import io.github.duality.autoconfigure.ExplicitConfiguration;
import io.github.duality.autoconfigure.MigrationPathReport;
import io.github.duality.autoconfigure.TargetDescriptions;
import io.github.duality.core.DerivedConnection;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Liquibase's part of the startup line.
 */
class LiquibasePathReport implements MigrationPathReport, Ordered {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	LiquibasePathReport(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	public String describe() {
		DerivedLiquibaseConnectionDetails derived = this.beanFactory
			.getBeanProvider(DerivedLiquibaseConnectionDetails.class)
			.getIfUnique();
		if (derived != null) {
			return TargetDescriptions.migration(this.beanFactory.getBean(DerivedConnection.class),
					"spring.liquibase.user", derived.getUsername(), "Liquibase",
					this.environment.getProperty("spring.liquibase.enabled", Boolean.class, true));
		}
		return ExplicitConfiguration.describe(this.beanFactory, this.environment, "spring.liquibase.url",
				LiquibaseConnectionDetails.class, SpringLiquibase.class);
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
