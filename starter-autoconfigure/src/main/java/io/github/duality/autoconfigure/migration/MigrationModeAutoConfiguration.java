package io.github.duality.autoconfigure.migration;

import io.github.duality.autoconfigure.MigrationMode;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@code duality.migration.mode}, and the record of what the migration tools did at startup. Each tool's own
 * auto-configuration applies the mode to that tool and records its run.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "duality.enabled", matchIfMissing = true)
public final class MigrationModeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationRuns dualityMigrationRuns() {
		return new MigrationRuns();
	}

	@Bean
	@ConditionalOnMigrationMode(MigrationMode.MIGRATE_AND_EXIT)
	MigrateAndExitListener dualityMigrateAndExitListener(MigrationRuns runs) {
		return new MigrateAndExitListener(runs);
	}

	// one per mode, chosen by the same condition as the mode's own beans: see MigrationModeAtBuildTime
	@Bean
	@ConditionalOnMigrationMode(MigrationMode.STARTUP)
	static MigrationModeAtBuildTime dualityStartupModeAtBuildTime() {
		return new MigrationModeAtBuildTime(MigrationMode.STARTUP);
	}

	@Bean
	@ConditionalOnMigrationMode(MigrationMode.MIGRATE_AND_EXIT)
	static MigrationModeAtBuildTime dualityMigrateAndExitModeAtBuildTime() {
		return new MigrationModeAtBuildTime(MigrationMode.MIGRATE_AND_EXIT);
	}

	@Bean
	@ConditionalOnMigrationMode(MigrationMode.EXTERNAL)
	static MigrationModeAtBuildTime dualityExternalModeAtBuildTime() {
		return new MigrationModeAtBuildTime(MigrationMode.EXTERNAL);
	}

}
