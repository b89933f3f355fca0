package io.github.duality.autoconfigure.diagnostics;

import io.github.duality.core.TransactionPooler;
import io.github.duality.core.TransactionPoolerException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a start refused because spring.datasource.url goes through a transaction pooler and migrations have no
 * direct endpoint: what shows the pooler, the property and its origin, and the two ways out.
 */
class TransactionPoolerFailureAnalyzer extends AbstractFailureAnalyzer<TransactionPoolerException> {

	private static final String URL_PROPERTY = "spring.datasource.url";

	private final Environment environment;

	TransactionPoolerFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TransactionPoolerException cause) {
		TransactionPooler pooler = cause.getPooler();
		StringBuilder description = new StringBuilder(
				"Duality will not run migrations through a transaction pooler, and knows no direct endpoint.\n\n");
		description.append("    Problem:   ").append(cause.getProblem()).append('\n');
		description.append("    Pooler:    ").append(pooler.provider()).append(", from ").append(pooler.evidence())
			.append('\n');
		description.append("    Property:  ").append(URL_PROPERTY).append('\n');
		String origin = PropertyOrigins.describe(this.environment, URL_PROPERTY);
		if (origin != null) {
			description.append("    Origin:    ").append(origin).append('\n');
		}
		description.append("    Migrated:  nothing; no migration connection was opened\n");
		String action = "Set duality.migration.url to the direct endpoint (" + pooler.directForm() + "), for "
				+ "example from your provider's direct or session-mode connection string; what it leaves out (user, "
				+ "password, TLS files) is taken from " + URL_PROPERTY + ". The application keeps using the pooler.\n"
				+ "See README, Poolers.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
