package io.github.duality.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Disables what {@link RequiresPeer} marks where one of its peers is missing, and says so on standard error too:
 * Surefire's console shows a skip's count, not its reason.
 */
class PeerCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Peer[] peers = context.getElement()
			.flatMap((element) -> AnnotationSupport.findAnnotation(element, RequiresPeer.class))
			.map(RequiresPeer::value)
			.orElse(new Peer[0]);
		List<String> missing = new ArrayList<>();
		for (Peer peer : peers) {
			try {
				peer.executable();
			}
			catch (TestAbortedException ex) {
				// Peer decided to skip; where it is required, its failure propagates and fails the test
				missing.add(ex.getMessage());
			}
		}
		if (!missing.isEmpty()) {
			String reason = "NOT RUN: " + context.getDisplayName() + ": " + String.join("; ", missing);
			System.err.printf("%n!!! %s%n%n", reason);
			return ConditionEvaluationResult.disabled(reason);
		}
		return ConditionEvaluationResult.enabled("its peers are installed");
	}

}
