package io.github.duality.autoconfigure.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import io.github.duality.testsupport.TestPostgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history table found where a tool's properties put it, named as the tools create it (unquoted), and read with
 * the tool's own query; against the real server.
 */
class SchemaHistoryTests {

	private static final TestPostgres postgres = TestPostgres.get();

	@BeforeAll
	static void historyTables() {
		postgres.executeAsSuperuser("create schema history_named authorization " + postgres.username()
				+ "; create table history_named.tool_history (name text, rank int)"
				+ "; insert into history_named.tool_history values ('first', 1), ('second', 2)"
				+ "; create table public.current_history (name text, rank int)"
				+ "; insert into public.current_history values ('only', 1)"
				+ "; grant select on history_named.tool_history, public.current_history to " + postgres.username());
	}

	@Test
	void readsTheTableInTheSchemaThePropertiesNameWhateverTheirCase() throws SQLException {
		SchemaHistory history = history("History_Named", "Tool_History");
		try (Connection connection = connect()) {
			assertThat(history.read(connection)).isEqualTo(Map.of("applied", 2L, "last", "second"));
		}
	}

	@Test
	void readsTheTableInTheCurrentSchemaWhenThePropertiesNameNone() throws SQLException {
		try (Connection connection = connect()) {
			assertThat(history(null, "current_history").read(connection))
				.isEqualTo(Map.of("applied", 1L, "last", "only"));
		}
	}

	@Test
	void aTableTheToolHasNotCreatedIsAbsent() throws SQLException {
		try (Connection connection = connect()) {
			assertThat(history("history_named", "not_created").read(connection))
				.isEqualTo(Map.of("applied", 0L, "historyTable", "absent"));
		}
	}

	private static SchemaHistory history(@Nullable String schema, String table) {
		return new SchemaHistory("tool", 0, schema, table, () -> null,
				(resolved) -> "select count(*), (select name from " + resolved + " order by rank desc limit 1) from "
						+ resolved);
	}

	private static Connection connect() throws SQLException {
		return postgres.connect(postgres.database());
	}

}
