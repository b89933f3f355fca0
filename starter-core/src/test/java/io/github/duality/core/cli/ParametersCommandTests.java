package io.github.duality.core.cli;

import java.util.List;

import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Parameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParametersCommandTests {

	@Test
	void markdownHasAHeaderAndOneRowPerParameter() {
		CliRun run = CliRun.run("", "parameters", "--markdown");
		List<String> lines = run.outLines();
		assertThat(lines.get(0)).isEqualTo("| pgjdbc | libpq | r2dbc | Fate | What happens and why |");
		assertThat(lines.get(1)).isEqualTo("| --- | --- | --- | --- | --- |");
		assertThat(lines).hasSize(Parameter.table().size() + 2);
		assertThat(lines.subList(2, lines.size())).allSatisfy((row) -> assertThat(row).startsWith("| ")
			.endsWith(" |")
			.containsPattern("\\| (translated|converted|path-only|refused) \\|"));
		assertThat(run.status()).isEqualTo(DualityCli.OK);
	}

	@Test
	void markdownRowsNameTheParameterInEachFamily() {
		assertThat(CliRun.run("", "parameters", "--markdown").out())
			.contains("| `PGPORT` | `port` | `port` | translated | One port per host; 5432 when absent. |\n")
			.contains("| `sslmode` | `sslmode` | `sslMode`, `sslmode` | converted | ");
	}

	@Test
	void markdownCellsCannotBreakTheTable() {
		CliRun run = CliRun.run("", "parameters", "--markdown");
		long cellsPerRow = ParameterFamily.values().length + 2;
		assertThat(run.outLines()).allSatisfy((row) -> assertThat(
				row.replace("\\|", "").chars().filter((c) -> c == '|').count())
			.isEqualTo(cellsPerRow + 1));
		assertThat(run.out()).doesNotContain("<");
	}

	@Test
	void textListsEveryParameterWithItsFateAndNote() {
		CliRun run = CliRun.run("", "parameters");
		for (Parameter parameter : Parameter.table()) {
			assertThat(run.out()).contains(parameter.note());
		}
		assertThat(run.out()).contains("translated  pgjdbc PGPORT  |  libpq port  |  r2dbc port\n");
		assertThat(run.status()).isEqualTo(DualityCli.OK);
	}

}
