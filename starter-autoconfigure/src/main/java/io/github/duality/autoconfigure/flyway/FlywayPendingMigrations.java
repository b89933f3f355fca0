package io.github.duality.autoconfigure.flyway;

import java.util.Arrays;
import java.util.List;

import io.github.duality.autoconfigure.migration.PendingMigrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The migrations Flyway would apply, as the application's {@link Flyway} bean sees them ({@code info()}: its
 * locations, schemas and history table, over its own unpooled DataSource).
 */
class FlywayPendingMigrations implements PendingMigrations {

	private final ObjectProvider<Flyway> flyway;

	FlywayPendingMigrations(ObjectProvider<Flyway> flyway) {
		this.flyway = flyway;
	}

	@Override
	public String tool() {
		return FlywayRunRecorder.TOOL;
	}

	@Override
	public List<String> pending() {
		return Arrays.stream(this.flyway.getObject().info().pending()).map(MigrationInfo::getScript).toList();
	}

}
