package io.github.duality.autoconfigure.diagnostics;

import io.github.duality.autoconfigure.PropertyOrigins;
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

	private static final String MIGRATION_URL_PROPERTY = "duality.migration.url";

	/** How the migration session's check words what it saw. */
	private static final String SEEN_AT_RUN_TIME = "seen at run time";

	private final Environment environment;

	TransactionPoolerFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TransactionPoolerException cause) {
		TransactionPooler pooler = cause.getPooler();
		boolean seenAtRunTime = pooler.evidence().startsWith(SEEN_AT_RUN_TIME);
		String property = (seenAtRunTime && this.environment.containsProperty(MIGRATION_URL_PROPERTY))
				? MIGRATION_URL_PROPERTY : URL_PROPERTY;
		StringBuilder description = new StringBuilder(
				"Duality will not run migrations through a transaction pooler, and knows no direct endpoint.\n\n");
		description.append("    Problem:   ").append(cause.getProblem()).append('\n');
		description.append("    Property:  ").append(property).append('\n');
		String origin = PropertyOrigins.describe(this.environment, property);
		if (origin != null) {
			description.append("    Origin:    ").append(origin).append('\n');
		}
		description.append("    Migrated:  nothing; no migration lock was taken\n");
		StringBuilder action = new StringBuilder();
		if (property.equals(MIGRATION_URL_PROPERTY)) {
			action.append("Point ").append(MIGRATION_URL_PROPERTY).append(" at the direct endpoint (")
				.append(pooler.directForm()).append(").");
		}
		else {
			action.append("Set ").append(MIGRATION_URL_PROPERTY).append(" to the direct endpoint (")
				.append(pooler.directForm())
				.append("), for example your provider's direct or session-mode connection string; what it leaves out "
						+ "(user, password, TLS files) is taken from ")
				.append(URL_PROPERTY)
				.append(". The application keeps using the pooler.");
			if (seenAtRunTime) {
				action.append(" Also set duality.pooler=transaction: the application path then uses no server-side "
						+ "prepared statements, which a transaction pooler cannot keep.");
			}
		}
		action.append("\nSee README, Poolers.");
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

}
