package io.github.duality.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Parameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parameter table is the one place a driver's parameter name is written: any row's name, in any family, as a
 * string literal elsewhere in the main code of the core or of the auto-configuration fails here (the table holds
 * every pgjdbc property and r2dbc option, see {@link ParameterTableTests}). Literals that only look like a name are
 * listed below with what they are, counted, so that a new one still fails.
 */
class ParameterNameLiteralsTests {

	/** The table and its carry rows: where the names are written. */
	private static final String TABLE_PACKAGE = "io/github/duality/core/parameter/";

	/** Per file (by name, so that a move keeps its entry), the literals equal to a parameter name that are not one. */
	private static final Map<String, Map<String, Integer>> NOT_PARAMETERS = Map.of(
			// r2dbc-spi's private field ConnectionFactoryOptions.options, read by reflection
			"ConnectionFactoryOptionsReader.java", Map.of("options", 1),
			"DualityRuntimeHints.java", Map.of("options", 1),
			// the key of the r2dbc ConnectionFactoryOptions in explain --json
			"JsonFormat.java", Map.of("options", 1),
			// health details: what the server reports of the session
			"ApplicationPathHealthIndicator.java", Map.of("user", 1, "database", 1, "ssl", 1),
			"MigrationPathHealthIndicator.java", Map.of("user", 1, "database", 1, "ssl", 1),
			// the health indicator's name (management.health.database.enabled)
			"DualityHealthContributorAutoConfiguration.java", Map.of("database", 1),
			// the last segment of a Spring property name: spring.datasource.password, spring.liquibase.user
			"PostgresUrlSanitizingFunction.java", Map.of("password", 1),
			"AttemptedPath.java", Map.of("user", 2),
			// a word of r2dbc-pool's own message ("maxSize must be greater than or equal to initialSize")
			"PoolSettingsFailureAnalyzer.java", Map.of("initialSize", 1));

	@Test
	void noParameterNameIsWrittenOutsideTheTable() {
		Set<String> names = Parameter.table()
			.stream()
			.flatMap((parameter) -> Stream.of(ParameterFamily.values()).flatMap((family) -> parameter.names(family).stream()))
			.collect(Collectors.toSet());
		Map<String, Map<String, Integer>> found = new TreeMap<>();
		List<String> written = new ArrayList<>();
		for (Path file : mainSources()) {
			String fileName = file.getFileName().toString();
			for (Literal literal : Literal.in(read(file))) {
				if (names.contains(literal.text())) {
					int count = found.computeIfAbsent(fileName, (key) -> new TreeMap<>())
						.merge(literal.text(), 1, Integer::sum);
					if (count > NOT_PARAMETERS.getOrDefault(fileName, Map.of()).getOrDefault(literal.text(), 0)) {
						written.add(file + ":" + literal.line() + ": \"" + literal.text() + "\"");
					}
				}
			}
		}
		assertThat(written).as("Parameter names written out: use the table's row, e.g. "
				+ "Parameter.SSL_MODE.preferredName(ParameterFamily.PGJDBC); a literal that is no parameter belongs in "
				+ "NOT_PARAMETERS, with what it is")
			.isEmpty();
		assertThat(found).as("NOT_PARAMETERS lists only literals still written").isEqualTo(NOT_PARAMETERS);
	}

	@Test
	void findsEveryStringLiteralOutsideComments() {
		String source = """
				// "commented" out
				class Example {
					/* "blocked", "out" */
					String name = "sslmode"; char quote = '"'; String escaped = "a\\"b";
					String block = \"""
						"inside" a text block
						\""";
					String user = "user";
				}
				""";
		assertThat(Literal.in(source)).containsExactly(new Literal("sslmode", 4), new Literal("a\\\"b", 4),
				new Literal("\t\t\"inside\" a text block\n\t\t", 6), new Literal("user", 8));
	}

	/** The main sources of the core outside the table, and of the auto-configuration. */
	private static List<Path> mainSources() {
		Path root = Path.of("").toAbsolutePath();
		while (!Files.isDirectory(root.resolve("starter-autoconfigure/src/main/java"))) {
			root = root.getParent();
			assertThat(root).as("the repository holding starter-core and starter-autoconfigure").isNotNull();
		}
		List<Path> sources = new ArrayList<>();
		for (String module : List.of("starter-core", "starter-autoconfigure")) {
			try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
				files.filter((file) -> file.toString().endsWith(".java"))
					.filter((file) -> !file.toString().replace('\\', '/').contains(TABLE_PACKAGE))
					.forEach(sources::add);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		assertThat(sources).as("main sources found").hasSizeGreaterThan(100);
		return sources;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A string literal as written between its quotes (escapes left as they are), and the line it starts on. */
	record Literal(String text, int line) {

		static List<Literal> in(String source) {
			List<Literal> literals = new ArrayList<>();
			int line = 1;
			int i = 0;
			while (i < source.length()) {
				char c = source.charAt(i);
				if (c == '\n') {
					line++;
					i++;
				}
				else if (source.startsWith("//", i)) {
					i = source.indexOf('\n', i);
					i = (i < 0) ? source.length() : i;
				}
				else if (source.startsWith("/*", i)) {
					int end = source.indexOf("*/", i + 2) + 2;
					line += lines(source, i, end);
					i = end;
				}
				else if (source.startsWith("\"\"\"", i)) {
					int start = source.indexOf('\n', i) + 1;
					int end = source.indexOf("\"\"\"", start);
					literals.add(new Literal(source.substring(start, end), line + 1));
					line += lines(source, i, end);
					i = end + 3;
				}
				else if (c == '"' || c == '\'') {
					int end = i + 1;
					while (source.charAt(end) != c) {
						end += (source.charAt(end) == '\\') ? 2 : 1;
					}
					if (c == '"') {
						literals.add(new Literal(source.substring(i + 1, end), line));
					}
					i = end + 1;
				}
				else {
					i++;
				}
			}
			return literals;
		}

		private static int lines(String source, int start, int end) {
			return (int) source.substring(start, end).chars().filter((c) -> c == '\n').count();
		}

	}

}
