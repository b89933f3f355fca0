package io.github.duality.autoconfigure.metrics;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer meters of the migration runs ({@code duality.migration}, {@code duality.migration.pending}) and of
 * refused URLs ({@code duality.url.refused}). The application pool's meters are Boot's own {@code r2dbc.pool.*}.
 */
@AutoConfiguration(after = DualityAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
public final class DualityMetricsAutoConfiguration {

	@Bean
	MigrationMetrics dualityMigrationMetrics(MeterRegistry registry) {
		return new MigrationMetrics(registry);
	}

	@Bean
	RefusedUrlCounter dualityRefusedUrlCounter(ObjectProvider<MeterRegistry> registry) {
		return new RefusedUrlCounter(registry);
	}

	@Bean
	static MigrationRunMetrics dualityMigrationRunMetrics(ObjectProvider<MigrationMetrics> metrics) {
		return new MigrationRunMetrics(metrics);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.flywaydb.core.api.callback.Callback")
	static class FlywayMetricsConfiguration {

		@Bean
		FlywayPendingMetrics dualityFlywayPendingMetrics(ObjectProvider<MigrationMetrics> metrics) {
			return new FlywayPendingMetrics(metrics);
		}

	}

}
