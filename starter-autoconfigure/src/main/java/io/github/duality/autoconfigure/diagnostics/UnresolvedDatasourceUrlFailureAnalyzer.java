package io.github.duality.autoconfigure.diagnostics;

import io.github.duality.autoconfigure.UnresolvedDatasourcePropertyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains the commonest first-run failure: {@code spring.datasource.url: ${DATABASE_URL}} with no
 * {@code DATABASE_URL} set. Spring only says that a placeholder could not be resolved, not which property needs it.
 * Also a password (or URL) that holds a {@code ${} by chance, which Spring reads as a placeholder.
 */
class UnresolvedDatasourceUrlFailureAnalyzer extends AbstractFailureAnalyzer<UnresolvedDatasourcePropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnresolvedDatasourcePropertyException cause) {
		StringBuilder description = new StringBuilder(cause.getProperty());
		if (cause.getMaskedValue() != null) {
			description.append(" is '").append(cause.getMaskedValue()).append('\'');
		}
		if (cause.getOrigin() != null) {
			description.append(" (").append(cause.getOrigin()).append(')');
		}
		description.append((cause.getMaskedValue() != null) ? ", but " : " ");
		description.append((cause.getPlaceholder() != null) ? "the placeholder ${" + cause.getPlaceholder() + "}"
				: "a placeholder").append(" in it has no value.");
		String action = "Set the missing environment variable or property, for example "
				+ "DATABASE_URL=postgres://user:password@host:5432/database?sslmode=verify-full&sslrootcert=/path/ca.pem "
				+ "(percent-encode reserved characters in the password), or give the placeholder a default. A '${' "
				+ "that is part of the value, not a placeholder (in a password, say), must be written '\\${'.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
