package io.github.duality.autoconfigure.liquibase;

import java.sql.Connection;
import java.util.List;

import io.github.duality.autoconfigure.migration.PendingMigrations;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.integration.spring.SpringResourceAccessor;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The change sets Liquibase would apply, read the way the application's {@link SpringLiquibase} would run: its
 * change log, contexts, labels, schemas and tables, over its own (unpooled) DataSource. Neither takes the lock nor
 * creates Liquibase's tables.
 */
class LiquibasePendingChangeSets implements PendingMigrations {

	private final ObjectProvider<SpringLiquibase> liquibase;

	LiquibasePendingChangeSets(ObjectProvider<SpringLiquibase> liquibase) {
		this.liquibase = liquibase;
	}

	@Override
	public String tool() {
		return LiquibaseRunRecorder.TOOL;
	}

	@Override
	public List<String> pending() throws Exception {
		SpringLiquibase spring = this.liquibase.getObject();
		try (Connection connection = spring.getDataSource().getConnection()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			configure(database, spring);
			Liquibase liquibase = new Liquibase(spring.getChangeLog(),
					new SpringResourceAccessor(spring.getResourceLoader()), database);
			List<ChangeSet> unrun = liquibase.listUnrunChangeSets(new Contexts(spring.getContexts()),
					new LabelExpression(spring.getLabelFilter()), false);
			return unrun.stream().map(ChangeSet::getId).toList();
		}
	}

	private static void configure(Database database, SpringLiquibase spring) throws DatabaseException {
		if (spring.getDefaultSchema() != null) {
			database.setDefaultSchemaName(spring.getDefaultSchema());
		}
		if (spring.getLiquibaseSchema() != null) {
			database.setLiquibaseSchemaName(spring.getLiquibaseSchema());
		}
		if (spring.getDatabaseChangeLogTable() != null) {
			database.setDatabaseChangeLogTableName(spring.getDatabaseChangeLogTable());
		}
		if (spring.getDatabaseChangeLogLockTable() != null) {
			database.setDatabaseChangeLogLockTableName(spring.getDatabaseChangeLogLockTable());
		}
	}

}
