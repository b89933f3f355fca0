package io.github.duality.autoconfigure.endpoint;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Database secrets stay out of the {@code env} and {@code configprops} endpoints, even with
 * {@code show-values=always}.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
public final class DualityEndpointAutoConfiguration {

	@Bean
	PostgresUrlSanitizingFunction postgresUrlSanitizingFunction() {
		return new PostgresUrlSanitizingFunction();
	}

}
