package io.github.duality.autoconfigure.health;

import io.github.duality.autoconfigure.flyway.FlywayTool;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Flyway's schema history in the migration health component, when Flyway has connection details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.flywaydb.core.Flyway",
		"org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails" })
@ConditionalOnBean(FlywayConnectionDetails.class)
class FlywayHistoryConfiguration {

	@Bean
	SchemaHistory flywaySchemaHistory(ListableBeanFactory beanFactory, Environment environment) {
		return SchemaHistory.of(FlywayTool.INSTANCE, beanFactory, environment);
	}

}
