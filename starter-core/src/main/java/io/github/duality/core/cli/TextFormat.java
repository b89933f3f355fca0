package io.github.duality.core.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.duality.core.DerivedConnection;
import io.github.duality.core.JdbcTarget;
import io.github.duality.core.MigrationPath;
import io.github.duality.core.TransactionPoolerException;
import io.github.duality.core.model.InvalidConnectionUrlException;
import org.jspecify.annotations.Nullable;

/**
 * A readable report per input, for people. Each report ends with a blank line so that several stay apart.
 */
final class TextFormat implements ExplanationFormat {

	@Override
	public String accepted(DerivedConnection connection) {
		Map<String, String> outcome = new LinkedHashMap<>();
		outcome.put("Input", connection.maskedInput());
		outcome.put("Result", "accepted");
		StringBuilder report = new StringBuilder();
		section(report, null, outcome);
		jdbc(report, "JDBC (pgjdbc, the application's own meaning)", connection.jdbc());
		MigrationPath migration = connection.migration();
		Optional<TransactionPoolerException> refused = migration.refusal();
		if (refused.isPresent()) {
			TransactionPoolerException refusal = refused.get();
			report.append("\nJDBC for migrations: REFUSED\n  Problem: ").append(refusal.getProblem());
			report.append("\n  Fix: ").append(refusal.getFix()).append('\n');
		}
		else if (migration.endpoint() == MigrationPath.Endpoint.APPLICATION_URL) {
			if (sameTarget(connection.jdbc(), migration.target())) {
				report.append("\nJDBC for migrations: the same\n");
			}
			else {
				jdbc(report, "JDBC for migrations (always the primary)", migration.target());
			}
		}
		else {
			jdbc(report, "JDBC for migrations (always the primary; endpoint: " + migration.describe() + ")",
					migration.target());
		}
		section(report, "R2DBC (r2dbc-postgresql options)", connection.r2dbc().maskedOptions());
		if (!connection.notes().isEmpty()) {
			report.append("\nNotes\n");
			connection.notes().forEach((note) -> report.append("  - ").append(note).append('\n'));
		}
		return report.toString();
	}

	@Override
	public String refused(String maskedInput, InvalidConnectionUrlException refusal) {
		Map<String, String> lines = new LinkedHashMap<>();
		lines.put("Input", maskedInput);
		lines.put("Result", "REFUSED");
		if (refusal.getParameter() != null) {
			lines.put("Parameter", refusal.getParameter());
		}
		lines.put("Problem", refusal.getProblem());
		if (refusal.getFix() != null) {
			lines.put("Fix", refusal.getFix());
		}
		StringBuilder report = new StringBuilder();
		section(report, null, lines);
		return report.toString();
	}

	private static void jdbc(StringBuilder report, String title, JdbcTarget target) {
		Map<String, String> lines = new LinkedHashMap<>();
		lines.put("url", target.url());
		lines.putAll(target.maskedProperties());
		section(report, title, lines);
	}

	private static boolean sameTarget(JdbcTarget first, JdbcTarget second) {
		return first.url().equals(second.url()) && first.maskedProperties().equals(second.maskedProperties());
	}

	/** Aligned name/value lines, indented under a title when there is one. */
	private static void section(StringBuilder report, @Nullable String title, Map<String, String> lines) {
		String indent = "";
		if (title != null) {
			report.append('\n').append(title).append('\n');
			indent = "  ";
		}
		int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
		for (Map.Entry<String, String> line : lines.entrySet()) {
			report.append(indent)
				.append(line.getKey())
				.append(" ".repeat(width - line.getKey().length() + 2))
				.append(line.getValue())
				.append('\n');
		}
	}

}
