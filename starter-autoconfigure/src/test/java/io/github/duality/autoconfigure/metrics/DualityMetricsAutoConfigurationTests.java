package io.github.duality.autoconfigure.metrics;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.migration.MigrationModeAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.testsupport.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters with a {@link SimpleMeterRegistry}: a Liquibase run against the real server, a failing one, and a
 * refused URL.
 */
class DualityMetricsAutoConfigurationTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class,
				MigrationModeAutoConfiguration.class, DualityMetricsAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class))
		.withBean(MeterRegistry.class, () -> this.registry);

	@Test
	void timesALiquibaseRunWithTheChangeSetsItApplied() {
		TestPostgres postgres = TestPostgres.get();
		postgres.executeAsSuperuser("create schema metrics_lb authorization " + postgres.username());
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + postgres.databaseUrl(),
					"spring.liquibase.default-schema=metrics_lb")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Timer run = this.registry.get("duality.migration").timer();
				assertThat(run.getId().getTag("tool")).isEqualTo("liquibase");
				assertThat(run.getId().getTag("outcome")).isEqualTo("success");
				assertThat(run.getId().getTag("applied")).isEqualTo("2");
				assertThat(run.count()).isOne();
			});
	}

	@Test
	void aFailingChangeSetIsRecordedBeforeTheApplicationFails() {
		TestPostgres postgres = TestPostgres.get();
		postgres.executeAsSuperuser("create schema metrics_lb_broken authorization " + postgres.username());
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + postgres.databaseUrl(),
					"spring.liquibase.default-schema=metrics_lb_broken",
					"spring.liquibase.change-log=classpath:db/broken/changelog.yaml")
			.run((context) -> {
				assertThat(context).hasFailed();
				Timer run = this.registry.get("duality.migration").tag("outcome", "failure").timer();
				assertThat(run.getId().getTag("tool")).isEqualTo("liquibase");
				assertThat(run.getId().getTag("applied")).isEqualTo("1");
			});
	}

	@Test
	void countsRefusedUrlsByParameter() {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:postgresql://h/app?sslMode=require")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(this.registry.get("duality.url.refused").tag("parameter", "sslMode").counter().count())
					.isOne();
			});
	}

	@Test
	void leavesTheApplicationPoolToBootsMeters() {
		this.contextRunner.withPropertyValues("spring.datasource.url=postgres://app:pw@db.example.com/shop",
				"spring.liquibase.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationMetrics.class);
				assertThat(this.registry.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("r2dbc"));
			});
	}

	@Test
	void needsAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class,
					DualityMetricsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=postgres://app:pw@db.example.com/shop")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationMetrics.class)
				.doesNotHaveBean(RefusedUrlCounter.class));
	}

}
