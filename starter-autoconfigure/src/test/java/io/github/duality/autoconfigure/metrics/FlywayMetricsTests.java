package io.github.duality.autoconfigure.metrics;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.flyway.DualityFlywayAutoConfiguration;
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
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway's runs in the meters, with a {@link SimpleMeterRegistry}, against the real server: alone (Liquibase hidden)
 * and beside Liquibase.
 */
class FlywayMetricsTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ApplicationContextRunner bothTools = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, MigrationModeAutoConfiguration.class,
				DualityFlywayAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class,
				DualityMetricsAutoConfiguration.class, R2dbcAutoConfiguration.class, FlywayAutoConfiguration.class,
				LiquibaseAutoConfiguration.class))
		.withBean(MeterRegistry.class, () -> this.registry)
		.withPropertyValues("spring.datasource.url=" + postgres.databaseUrl());

	private final ApplicationContextRunner contextRunner = this.bothTools
		.withClassLoader(new FilteredClassLoader("liquibase."));

	@Test
	void timesAFlywayRunWithTheMigrationsItAppliedAndNonePending() {
		schema("metrics_fly");
		this.contextRunner.withPropertyValues("spring.flyway.default-schema=metrics_fly").run((context) -> {
			assertThat(context).hasNotFailed();
			Timer run = this.registry.get("duality.migration").timer();
			assertThat(run.getId().getTag("tool")).isEqualTo("flyway");
			assertThat(run.getId().getTag("outcome")).isEqualTo("success");
			assertThat(run.getId().getTag("applied")).isEqualTo("2");
			assertThat(run.count()).isOne();
			assertThat(this.registry.get("duality.migration.pending").tag("tool", "flyway").gauge().value()).isZero();
		});
	}

	@Test
	void reportsWhatATargetLeftPending() {
		schema("metrics_fly_target");
		this.contextRunner
			.withPropertyValues("spring.flyway.default-schema=metrics_fly_target", "spring.flyway.target=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.registry.get("duality.migration").timer().getId().getTag("applied")).isEqualTo("1");
				assertThat(this.registry.get("duality.migration.pending").gauge().value()).isOne();
			});
	}

	@Test
	void aFailingMigrationIsRecordedBeforeTheApplicationFails() {
		schema("metrics_fly_broken");
		this.contextRunner
			.withPropertyValues("spring.flyway.default-schema=metrics_fly_broken",
					"spring.flyway.locations=classpath:db/flyway-broken")
			.run((context) -> {
				assertThat(context).hasFailed();
				Timer run = this.registry.get("duality.migration").tag("outcome", "failure").timer();
				assertThat(run.getId().getTag("tool")).isEqualTo("flyway");
				assertThat(run.getId().getTag("applied")).isEqualTo("1");
			});
	}

	@Test
	void timesEachToolsRunWithItsOwnCount() {
		schema("metrics_both_lb");
		schema("metrics_both_fly");
		this.bothTools
			.withPropertyValues("spring.liquibase.default-schema=metrics_both_lb",
					"spring.flyway.default-schema=metrics_both_fly", "spring.flyway.target=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(this.registry.get("duality.migration").timers()).hasSize(2);
				Timer liquibase = this.registry.get("duality.migration").tag("tool", "liquibase").timer();
				assertThat(liquibase.getId().getTag("applied")).isEqualTo("2");
				assertThat(liquibase.count()).isOne();
				Timer flyway = this.registry.get("duality.migration").tag("tool", "flyway").timer();
				assertThat(flyway.getId().getTag("applied")).isEqualTo("1");
				assertThat(flyway.count()).isOne();
			});
	}

	private static void schema(String name) {
		postgres.executeAsSuperuser("create schema " + name + " authorization " + postgres.username());
	}

}
