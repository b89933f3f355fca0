package io.github.duality.autoconfigure.diagnostics;

import io.github.duality.autoconfigure.InvalidDatasourceUrlException;
import io.github.duality.core.model.InvalidConnectionUrlException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an underivable {@code spring.datasource.url}: the problem, the property, its origin and the fix. Every
 * text comes from duality-core's already masked messages.
 */
class InvalidDatasourceUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDatasourceUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidDatasourceUrlException cause) {
		InvalidConnectionUrlException problem = cause.getCause();
		StringBuilder description = new StringBuilder();
		description.append("Duality could not derive the migration (JDBC) and application (R2DBC) connections.\n\n");
		description.append("    Problem:   ").append(problem.getProblem()).append('\n');
		if (problem.getParameter() != null) {
			description.append("    Parameter: ").append(problem.getParameter()).append('\n');
		}
		cause.getOrigins().forEach((property, origin) -> {
			description.append("    Property:  ").append(property).append('\n');
			if (origin != null) {
				description.append("    Origin:    ").append(origin).append('\n');
			}
		});
		String fix = (problem.getFix() != null) ? problem.getFix() : "Correct the value of " + cause.getProperty() + ".";
		String action = fix + "\n\nSee README, Troubleshooting, and \"explain\" there to check a URL before you deploy it; "
				+ "or set duality.enabled=false to configure spring.r2dbc.url and spring.liquibase.url or "
				+ "spring.flyway.url by hand.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
