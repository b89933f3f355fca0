package io.github.duality.autoconfigure.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A migration tool's history table as the migration health component reports it: what has been applied, and the
 * last one. Read with plain SQL, so that health needs none of the tool's classes.
 */
abstract class SchemaHistory {

	private final String table;

	/**
	 * @param table the history table, optionally schema-qualified, as the tool's properties name it
	 */
	SchemaHistory(String table) {
		this.table = table;
	}

	/** The key of this tool's details, e.g. {@code liquibase}. */
	abstract String name();

	/** How the tool connects, or {@code null} when it does not use the migration path. */
	abstract @Nullable MigrationConnection connection();

	/**
	 * A query on the resolved table giving, in one row, the number applied and the last one applied (or null).
	 */
	abstract String appliedAndLast(String resolvedTable);

	Map<String, Object> read(Connection connection) throws SQLException {
		Map<String, Object> state = new LinkedHashMap<>();
		String resolved = resolveTable(connection);
		if (resolved == null) {
			state.put("applied", 0L);
			state.put("historyTable", "absent");
			return state;
		}
		try (PreparedStatement statement = connection.prepareStatement(appliedAndLast(resolved));
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
