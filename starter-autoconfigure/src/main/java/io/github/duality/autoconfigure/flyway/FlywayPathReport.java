package io.github.duality.autoconfigure.flyway;

import io.github.duality.autoconfigure.ExplicitConfiguration;
import io.github.duality.autoconfigure.MigrationPathReport;
import io.github.duality.autoconfigure.TargetDescriptions;
import io.github.duality.core.DerivedConnection;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Flyway's part of the startup line.
 */
class FlywayPathReport implements MigrationPathReport, Ordered {

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	FlywayPathReport(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	public String describe() {
		DerivedFlywayConnectionDetails derived = this.beanFactory.getBeanProvider(DerivedFlywayConnectionDetails.class)
			.getIfUnique();
		if (derived != null) {
			return TargetDescriptions.migration(this.beanFactory.getBean(DerivedConnection.class),
					"spring.flyway.user", derived.getUsername(), "Flyway",
					this.environment.getProperty("spring.flyway.enabled", Boolean.class, true));
		}
		return ExplicitConfiguration.describe(this.beanFactory, this.environment, "spring.flyway.url",
				Flyway.class, FlywayConnectionDetails.class);
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
