package io.github.duality.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Liquibase change log of realistic DDL for the migration rounds, written as YAML like the sample app's own: per
 * table a create, an added column set, an index, rows, a foreign key to the previous table and a NOT NULL
 * constraint, six change sets, repeated until there are as many change sets as asked.
 */
final class MigrationChangeLog {

	private MigrationChangeLog() {
	}

	static Path write(Path file, int changeSets) throws IOException {
		StringBuilder yaml = new StringBuilder("databaseChangeLog:\n");
		int written = 0;
		for (int table = 1; written < changeSets; table++) {
			List<String> steps = steps(table);
			for (int step = 0; step < steps.size() && written < changeSets; step++, written++) {
				yaml.append(steps.get(step));
			}
		}
		return Files.writeString(file, yaml);
	}

	private static List<String> steps(int number) {
		String table = String.format("bench_table_%03d", number);
		String parent = (number > 1) ? String.format("bench_table_%03d", number - 1) : table;
		String rows = "";
		for (int row = 1; row <= 3; row++) {
			rows += """
					        - insert:
					            tableName: %1$s
					            columns:
					              - column:
					                  name: name
					                  value: row %2$d of %1$s
					              - column:
					                  name: amount
					                  valueNumeric: %2$d.50
					""".formatted(table, row);
		}
		return List.of(changeSet(table, "create", """
				        - createTable:
				            tableName: %1$s
				            columns:
				              - column:
				                  name: id
				                  type: BIGINT
				                  autoIncrement: true
				                  constraints:
				                    primaryKey: true
				                    primaryKeyName: %1$s_pkey
				              - column:
				                  name: name
				                  type: TEXT
				                  constraints:
				                    nullable: false
				              - column:
				                  name: created_at
				                  type: TIMESTAMP WITH TIME ZONE
				                  defaultValueComputed: now()
				""".formatted(table)), changeSet(table, "columns", """
				        - addColumn:
				            tableName: %1$s
				            columns:
				              - column:
				                  name: amount
				                  type: NUMERIC(12, 2)
				              - column:
				                  name: status
				                  type: VARCHAR(20)
				                  defaultValue: new
				              - column:
				                  name: parent_id
				                  type: BIGINT
				""".formatted(table)), changeSet(table, "index", """
				        - createIndex:
				            tableName: %1$s
				            indexName: %1$s_name_idx
				            columns:
				              - column:
				                  name: name
				""".formatted(table)), changeSet(table, "rows", rows), changeSet(table, "parent", """
				        - addForeignKeyConstraint:
				            baseTableName: %1$s
				            baseColumnNames: parent_id
				            constraintName: %1$s_parent_fk
				            referencedTableName: %2$s
				            referencedColumnNames: id
				""".formatted(table, parent)), changeSet(table, "status", """
				        - addNotNullConstraint:
				            tableName: %1$s
				            columnName: status
				            defaultNullValue: new
				""".formatted(table)));
	}

	private static String changeSet(String table, String step, String changes) {
		return "  - changeSet:\n      id: " + table + "-" + step + "\n      author: duality-bench\n      changes:\n"
				+ changes;
	}

}
