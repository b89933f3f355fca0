package io.github.duality.autoconfigure.modes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code duality.migration.mode} with Liquibase (the starter as it ships).
 */
class LiquibaseMigrationModeTests extends AbstractMigrationModeTests {

	@Override
	Map<String, String> migrations(int sleepSeconds, boolean failing) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.liquibase.change-log", "classpath:db/modes/changelog.yaml");
		properties.put("spring.liquibase.contexts", failing ? "default,failing" : "default");
		properties.put("spring.liquibase.parameters.sleepSeconds", Integer.toString(sleepSeconds));
		return properties;
	}

	@Override
	String tool() {
		return "liquibase";
	}

	@Override
	String historyTable() {
		return "databasechangelog";
	}

	@Override
	String appliedQuery() {
		return "select id as name from databasechangelog order by orderexecuted";
	}

	@Override
	List<String> allMigrations() {
		return List.of("create-item", "slow-migration", "seed-item");
	}

}
