package io.github.duality.autoconfigure.liquibase.lock;

import liquibase.database.core.PostgresDatabase;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Makes the application's Liquibase runs on PostgreSQL take a lock that a killed instance cannot leave behind:
 * see {@link PostgresSessionLockService}.
 */
@AutoConfiguration
@ConditionalOnClass({ SpringLiquibase.class, PostgresDatabase.class })
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
public final class SessionLockAutoConfiguration {

	@Bean
	static SessionLockCustomizer dualitySessionLockCustomizer() {
		return new SessionLockCustomizer();
	}

}
