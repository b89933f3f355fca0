package io.github.duality.autoconfigure.modes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code duality.migration.mode} with Flyway, in a Flyway application (liquibase-core excluded from the starter).
 */
class FlywayWithoutLiquibaseMigrationModeTests extends AbstractMigrationModeTests {

	@Override
	Map<String, String> migrations(int sleepSeconds, boolean failing) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.flyway.locations",
				failing ? "classpath:db/modes-flyway,classpath:db/modes-flyway-failing" : "classpath:db/modes-flyway");
		properties.put("spring.flyway.placeholders.sleepSeconds", Integer.toString(sleepSeconds));
		return properties;
	}

	@Override
	String tool() {
		return "flyway";
	}

	@Override
	String historyTable() {
		return "flyway_schema_history";
	}

	@Override
	String appliedQuery() {
		return "select script as name from flyway_schema_history where success order by installed_rank";
	}

	@Override
	List<String> allMigrations() {
		return List.of("V1__create_item.sql", "V2__slow_migration.sql", "V3__seed_item.sql");
	}

}
