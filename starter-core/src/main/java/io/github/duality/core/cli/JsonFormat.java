package io.github.duality.core.cli;

import io.github.duality.core.DerivedConnection;
import io.github.duality.core.InvalidConnectionUrlException;
import io.github.duality.core.JdbcTarget;

/**
 * One JSON object per input, on one line, for machines (a deploy pipeline, jq).
 */
final class JsonFormat implements ExplanationFormat {

	@Override
	public String accepted(DerivedConnection connection) {
		return new JsonObject().with("ok", true)
			.with("input", connection.maskedInput())
			.with("jdbc", jdbc(connection.jdbc()))
			.with("migrationJdbc", jdbc(connection.migrationJdbc()))
			.with("r2dbc", new JsonObject().with("options", connection.r2dbc().maskedOptions()))
			.with("notes", connection.notes())
			.toString();
	}

	@Override
	public String refused(String maskedInput, InvalidConnectionUrlException refusal) {
		return new JsonObject().with("ok", false)
			.with("input", maskedInput)
			.with("error", refusal.getMessage())
			.with("parameter", refusal.getParameter())
			.toString();
	}

	private static JsonObject jdbc(JdbcTarget target) {
		return new JsonObject().with("url", target.url()).with("properties", target.maskedProperties());
	}

}
