package io.github.duality.core.cli;

import io.github.duality.core.DerivedConnection;
import io.github.duality.core.JdbcTarget;
import io.github.duality.core.MigrationPath;
import io.github.duality.core.model.InvalidConnectionUrlException;

/**
 * One JSON object per input, on one line, for machines (a deploy pipeline, jq).
 */
final class JsonFormat implements ExplanationFormat {

	@Override
	public String accepted(DerivedConnection connection) {
		MigrationPath migration = connection.migration();
		JsonObject json = new JsonObject().with("ok", true)
			.with("input", connection.maskedInput())
			.with("jdbc", jdbc(connection.jdbc()));
		if (migration.endpoint() != MigrationPath.Endpoint.REFUSED) {
			json.with("migrationJdbc", jdbc(migration.target()));
		}
		if (migration.endpoint() != MigrationPath.Endpoint.APPLICATION_URL) {
			// only where migrations do not simply use the URL, so that other reports stay as they were
			json.with("migrationEndpoint", migration.describe());
			migration.refusal().ifPresent((refusal) -> json.with("migrationRefused", refusal.getMessage()));
		}
		return json.with("r2dbc", new JsonObject().with("options", connection.r2dbc().maskedOptions()))
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
