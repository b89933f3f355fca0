package io.github.duality.autoconfigure.migration;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.MigrationMode;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.core.TransactionPoolerException;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wiring of {@code duality.migration.mode} with Liquibase. The database is not reachable: nothing here may connect.
 */
class MigrationModeAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, MigrationModeAutoConfiguration.class,
				DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=postgres://app:secret@db.invalid/shop");

	@Test
	void startupModeIsTheDefaultAndAddsNothingButTheRecord() {
		this.contextRunner.withPropertyValues("spring.liquibase.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MigrationRuns.class)
				.doesNotHaveBean(MigrateAndExitListener.class)
				.doesNotHaveBean(PendingMigrations.class));
	}

	@Test
	void aModeOtherThanTheOneTheBeansWereMadeForFailsTheStart() {
		// what an AOT-processed application meets: bean definitions made for one mode, another mode at run time
		new ApplicationContextRunner()
			.withBean("dualityStartupModeAtBuildTime", MigrationModeAtBuildTime.class,
					() -> new MigrationModeAtBuildTime(MigrationMode.STARTUP))
			.withPropertyValues("duality.migration.mode=migrate-and-exit")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessage("duality.migration.mode is migrate-and-exit at run time, but this application was "
						+ "AOT-processed (process-aot) with startup, and its beans were fixed for that mode at build "
						+ "time. Run process-aot with duality.migration.mode=migrate-and-exit for this deployment, or "
						+ "start it without -Dspring.aot.enabled=true."));
		this.contextRunner.withPropertyValues("spring.liquibase.enabled=false", "duality.migration.mode=external")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBeans(MigrationModeAtBuildTime.class)
				.containsOnlyKeys("dualityExternalModeAtBuildTime"));
	}

	@Test
	void migrateAndExitListensForTheStartInEitherSpelling() {
		for (String mode : new String[] { "migrate-and-exit", "MIGRATE_AND_EXIT" }) {
			this.contextRunner.withPropertyValues("spring.liquibase.enabled=false", "duality.migration.mode=" + mode)
				.run((context) -> assertThat(context).hasSingleBean(MigrateAndExitListener.class));
		}
	}

	@Test
	void externalModeNeitherMigratesNorConnectsAtStartupAndAsksLiquibaseWhatIsPending() {
		this.contextRunner.withPropertyValues("duality.migration.mode=external").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SpringLiquibase.class).hasSingleBean(PendingMigrations.class);
			assertThat(context.getBean(PendingMigrations.class).tool()).isEqualTo("liquibase");
			assertThat(context.getBean(MigrationRuns.class).get("liquibase")).hasValueSatisfying(
					(run) -> assertThat(run.details()).containsEntry("outcome",
							"not run (duality.migration.mode=external)"));
		});
	}

	@Test
	void backsOffWithDuality() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationModeAutoConfiguration.class))
			.withPropertyValues("duality.enabled=false", "duality.migration.mode=migrate-and-exit")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationRuns.class)
				.doesNotHaveBean(MigrateAndExitListener.class));
	}

	@Test
	void noModeMigratesThroughAKnownTransactionPooler() {
		for (String mode : new String[] { "startup", "migrate-and-exit", "external" }) {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=postgres://app:secret@db.invalid:6543/shop?pgbouncer=true",
						"duality.migration.mode=" + mode)
				.run((context) -> assertThat(context).as(mode)
					.getFailure()
					.hasRootCauseInstanceOf(TransactionPoolerException.class));
		}
	}

}
