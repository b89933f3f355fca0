package io.github.duality.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationChangeLogTests {

	@Test
	void writesExactlyTheChangeSetsAskedForWithDistinctIds(@TempDir Path directory) throws Exception {
		List<String> lines = Files.readAllLines(MigrationChangeLog.write(directory.resolve("changelog.yaml"), 20));
		List<String> ids = lines.stream().filter((line) -> line.startsWith("      id: ")).toList();
		assertThat(lines.get(0)).isEqualTo("databaseChangeLog:");
		assertThat(lines.stream().filter((line) -> line.equals("  - changeSet:"))).hasSize(20);
		assertThat(ids).doesNotHaveDuplicates().hasSize(20);
		assertThat(ids.get(0)).isEqualTo("      id: bench_table_001-create");
		assertThat(ids.get(19)).isEqualTo("      id: bench_table_004-columns");
		// the first table's foreign key refers to itself, every later one to the table before
		assertThat(lines).contains("            referencedTableName: bench_table_002");
	}

}
