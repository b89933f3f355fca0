package io.github.duality.autoconfigure.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.github.duality.autoconfigure.MigrationTool;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * A migration tool's history table as the migration health component reports it: what has been applied, and the
 * last one. Read with plain SQL; the tool's {@link MigrationTool} gives its name, where its properties put the
 * table, how it connects, and which rows count.
 */
final class SchemaHistory implements Ordered {

	private final String name;

	private final int order;

	private final String table;

	private final Supplier<MigrationTool.@Nullable JdbcLogin> connection;

	private final UnaryOperator<String> appliedAndLast;

	/**
	 * @param name the key of this tool's details, e.g. {@code liquibase}
	 * @param order the tool's place among the details
	 * @param schema the table's schema as the tool's properties name it, or {@code null} for the current schema
	 * @param table the table's name as the tool's properties name it (unquoted, as the tools create it)
	 * @param connection how the tool connects, or {@code null} when it does not use the migration path
	 * @param appliedAndLast a query on the resolved table giving, in one row, the number applied and the last one
	 * applied (or null)
	 */
	SchemaHistory(String name, int order, @Nullable String schema, String table,
			Supplier<MigrationTool.@Nullable JdbcLogin> connection, UnaryOperator<String> appliedAndLast) {
		this.name = name;
		this.order = order;
		String unquoted = table.toLowerCase(Locale.ROOT);
		this.table = (schema != null) ? schema.toLowerCase(Locale.ROOT) + "." + unquoted : unquoted;
		this.connection = connection;
		this.appliedAndLast = appliedAndLast;
	}

	/** The history of a tool, as its properties and connection details are. */
	static SchemaHistory of(MigrationTool<?> tool, ListableBeanFactory beanFactory, Environment environment) {
		Binder binder = Binder.get(environment);
		return new SchemaHistory(tool.key(), tool.order(), tool.historySchema(binder), tool.historyTable(binder),
				() -> tool.connection(beanFactory), tool::appliedAndLast);
	}

	String name() {
		return this.name;
	}

	/** The tool's place, as in the startup line. */
	@Override
	public int getOrder() {
		return this.order;
	}

	MigrationTool.@Nullable JdbcLogin connection() {
		return this.connection.get();
	}

	Map<String, Object> read(Connection connection) throws SQLException {
		Map<String, Object> state = new LinkedHashMap<>();
		String resolved = resolveTable(connection);
		if (resolved == null) {
			state.put("applied", 0L);
			state.put("historyTable", "absent");
			return state;
		}
		try (PreparedStatement statement = connection.prepareStatement(this.appliedAndLast.apply(resolved));
				ResultSet row = statement.executeQuery()) {
			row.next();
			state.put("applied", row.getLong(1));
			if (row.getString(2) != null) {
				state.put("last", row.getString(2));
			}
		}
		return state;
	}

	/** The table's name as PostgreSQL quotes it, or {@code null} when the tool has not created it. */
	private @Nullable String resolveTable(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?)::text")) {
			statement.setString(1, this.table);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getString(1);
			}
		}
	}

}
