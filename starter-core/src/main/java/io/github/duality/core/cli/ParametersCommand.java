package io.github.duality.core.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Parameter;

/**
 * {@code parameters [--markdown]}: the parameter-fate table, as text for a terminal or as the Markdown table the
 * README embeds.
 */
final class ParametersCommand {

	private final boolean markdown;

	private ParametersCommand(boolean markdown) {
		this.markdown = markdown;
	}

	static ParametersCommand parse(List<String> args) throws UsageException {
		boolean markdown = false;
		for (String arg : args) {
			if (!arg.equals("--markdown")) {
				throw UsageException.unknown("option", arg);
			}
			markdown = true;
		}
		return new ParametersCommand(markdown);
	}

	int execute(PrintWriter out) {
		out.print(this.markdown ? markdown() : text());
		return DualityCli.OK;
	}

	private static String markdown() {
		StringBuilder table = new StringBuilder();
		table.append(row(Stream.concat(familyNames(), Stream.of("Fate", "What happens and why")))).append('\n');
		table.append(row(Stream.generate(() -> "---").limit(ParameterFamily.values().length + 2))).append('\n');
		for (Parameter parameter : Parameter.table()) {
			Stream<String> names = Stream.of(ParameterFamily.values())
				.map((family) -> markdownNames(parameter.names(family)));
			table.append(row(Stream.concat(names, Stream.of(fate(parameter), markdownText(parameter.note())))))
				.append('\n');
		}
		return table.toString();
	}

	private static String text() {
		StringBuilder text = new StringBuilder();
		int fateWidth = Stream.of(Parameter.Fate.values()).mapToInt((fate) -> fate.name().length()).max().orElse(0);
		String indent = " ".repeat(fateWidth + 2);
		for (Parameter parameter : Parameter.table()) {
			String names = Stream.of(ParameterFamily.values())
				.filter((family) -> !parameter.names(family).isEmpty())
				.map((family) -> family.displayName() + " " + String.join(", ", parameter.names(family)))
				.collect(Collectors.joining("  |  "));
			text.append(fate(parameter)).append(" ".repeat(indent.length() - fate(parameter).length())).append(names);
			text.append('\n').append(indent).append(parameter.note()).append("\n\n");
		}
		return text.toString();
	}

	private static Stream<String> familyNames() {
		return Stream.of(ParameterFamily.values()).map(ParameterFamily::displayName);
	}

	private static String fate(Parameter parameter) {
		return parameter.fate().name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	private static String row(Stream<String> cells) {
		return cells.collect(Collectors.joining(" | ", "| ", " |"));
	}

	private static String markdownNames(List<String> names) {
		return names.isEmpty() ? "" : names.stream().map((name) -> "`" + name + "`").collect(Collectors.joining(", "));
	}

	/** Cell text: a pipe would end the cell and {@code <ms>} would render as an HTML tag. */
	private static String markdownText(String text) {
		return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
	}

}
