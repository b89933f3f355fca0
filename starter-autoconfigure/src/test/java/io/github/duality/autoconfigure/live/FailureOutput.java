package io.github.duality.autoconfigure.live;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every failed start must print: Boot's failure analysis, after the targets line when a connection was
 * tried, with no stack trace and no password.
 */
final class FailureOutput {

	private FailureOutput() {
	}

	static void assertAnalysed(String output) {
		assertThat(output).contains("APPLICATION FAILED TO START").contains("Action:");
		assertThat(output.lines().filter((line) -> line.startsWith("\tat "))).as("no stack trace").isEmpty();
		DualityLiveTests.assertNoPassword(output);
	}

	static void assertAnalysedAfterTheTargets(String output) {
		assertAnalysed(output);
		assertThat(output.indexOf("Duality: application path -> ")).as("the targets line comes first")
			.isNotNegative()
			.isLessThan(output.indexOf("APPLICATION FAILED TO START"));
	}

}
