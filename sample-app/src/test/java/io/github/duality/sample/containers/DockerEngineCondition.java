package io.github.duality.sample.containers;

import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where a Docker engine answers. Elsewhere the class is reported as skipped, with the reason
 * in the test report, and a banner on standard error says that it did not run: a Docker-only test must never pass by
 * not running.
 */
class DockerEngineCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (TestPostgres.dockerEngineAnswers()) {
			return ConditionEvaluationResult.enabled("a Docker engine answers");
		}
		String reason = "NOT RUN: " + context.getDisplayName() + " needs a Docker engine for its Testcontainers "
				+ "PostgreSQL, and none answers here (Testcontainers logged why above). It runs where Docker does; "
				+ "SampleApplicationTests covers the app on the project's own test PostgreSQL instead.";
		System.err.printf("%n%s%n!!! %s%n%s%n%n", "!".repeat(100), reason, "!".repeat(100));
		return ConditionEvaluationResult.disabled(reason);
	}

}
