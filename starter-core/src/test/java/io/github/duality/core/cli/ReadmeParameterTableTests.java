package io.github.duality.core.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's parameter table is generated from {@link io.github.duality.core.Parameter}; this keeps the two from
 * drifting apart.
 */
class ReadmeParameterTableTests {

	private static final Path README = Path.of("..", "README.md");

	private static final String BEGIN = "<!-- parameter-table:begin -->";

	private static final String END = "<!-- parameter-table:end -->";

	private static final String REGENERATE = "Regenerate it with `./mvnw -pl starter-core package -DskipTests && java "
			+ "-jar starter-core/target/duality-core-*-cli.jar parameters --markdown` and paste the output between "
			+ BEGIN + " and " + END + " in README.md.";

	@Test
	void readmeTableIsTheGeneratedOne() throws IOException {
		assertThat(README).as("README.md next to starter-core. " + REGENERATE).isRegularFile();
		String readme = Files.readString(README, StandardCharsets.UTF_8).replace("\r\n", "\n");
		int begin = readme.indexOf(BEGIN);
		int end = readme.indexOf(END);
		assertThat(begin).as("README.md has no " + BEGIN + " marker. " + REGENERATE).isNotNegative();
		assertThat(end).as("README.md has no " + END + " marker after " + BEGIN + ". " + REGENERATE)
			.isGreaterThan(begin);
		String table = readme.substring(begin + BEGIN.length(), end).trim();
		String generated = CliRun.run("", "parameters", "--markdown").out().trim();
		assertThat(table).as("README.md's parameter table is out of date. " + REGENERATE).isEqualTo(generated);
	}

}
