package io.github.duality.autoconfigure.health;

import io.github.duality.autoconfigure.liquibase.LiquibaseTool;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Liquibase's change log in the migration health component, when Liquibase has connection details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "liquibase.integration.spring.SpringLiquibase",
		"org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails" })
@ConditionalOnBean(LiquibaseConnectionDetails.class)
class LiquibaseHistoryConfiguration {

	@Bean
	SchemaHistory liquibaseSchemaHistory(ListableBeanFactory beanFactory, Environment environment) {
		return SchemaHistory.of(LiquibaseTool.INSTANCE, beanFactory, environment);
	}

}
