package io.github.duality.autoconfigure.liquibase;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import io.github.duality.autoconfigure.MigrationTargetDetails;
import io.github.duality.autoconfigure.MigrationTool;
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
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;

/**
 * Liquibase as the starter works with it: a {@link SpringLiquibase} migrates when initialized, over its DataSource,
 * and keeps its change log in {@code databasechangelog} unless {@code spring.liquibase.*} say otherwise.
 */
public final class LiquibaseTool extends MigrationTool<SpringLiquibase> {

	public static final LiquibaseTool INSTANCE = new LiquibaseTool();

	private LiquibaseTool() {
		super("Liquibase", SpringLiquibase.class, 0);
	}

	@Override
	public @Nullable DataSource dataSource(SpringLiquibase tool) {
		return tool.getDataSource();
	}

	@Override
	public void useDataSource(SpringLiquibase tool, DataSource dataSource) {
		tool.setDataSource(dataSource);
	}

	@Override
	public Class<? extends MigrationTargetDetails> derivedDetailsType() {
		return DerivedLiquibaseConnectionDetails.class;
	}

	@Override
	public List<Class<?>> explicitTypes() {
		return List.of(LiquibaseConnectionDetails.class, SpringLiquibase.class);
	}

	@Override
	public MigrationTool.@Nullable JdbcLogin connection(ListableBeanFactory beanFactory) {
		LiquibaseConnectionDetails details = beanFactory.getBeanProvider(LiquibaseConnectionDetails.class)
			.getIfUnique();
		return (details != null)
				? MigrationTool.JdbcLogin.of(details.getJdbcUrl(), details.getUsername(), details.getPassword())
				: null;
	}

	/** Where Liquibase keeps its change log, as its {@code spring.liquibase.*} properties say. */
	@Override
	public @Nullable String historySchema(Binder binder) {
		return binder.bind("spring.liquibase.liquibase-schema", String.class)
			.orElseGet(() -> binder.bind("spring.liquibase.default-schema", String.class).orElse(null));
	}

	@Override
	public String historyTable(Binder binder) {
		return binder.bind("spring.liquibase.database-change-log-table", String.class).orElse("databasechangelog");
	}

	@Override
	public String appliedAndLast(String table) {
		return "select count(*), (select id from " + table + " order by orderexecuted desc limit 1) from " + table;
	}

	/**
	 * The change sets Liquibase would apply, read the way the application's {@link SpringLiquibase} would run: its
	 * change log, contexts, labels, schemas and tables, over its own (unpooled) DataSource. Neither takes the lock
	 * nor creates Liquibase's tables.
	 */
	@Override
	public List<String> pending(SpringLiquibase tool) throws Exception {
		try (Connection connection = tool.getDataSource().getConnection()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			configure(database, tool);
			Liquibase liquibase = new Liquibase(tool.getChangeLog(),
					new SpringResourceAccessor(tool.getResourceLoader()), database);
			List<ChangeSet> unrun = liquibase.listUnrunChangeSets(new Contexts(tool.getContexts()),
					new LabelExpression(tool.getLabelFilter()), false);
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
