package io.github.duality.autoconfigure.diagnostics;

import java.time.Duration;

import io.github.duality.autoconfigure.startup.StartupWaitAutoConfiguration;
import io.github.duality.core.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Explains a first connection that failed on either path: what was tried (URL, user, sslmode, path), the property
 * and where its value came from, the server's or the driver's own words, and the fix.
 */
class DatabaseConnectionFailureAnalyzer implements FailureAnalyzer {

	private final Environment environment;

	private final @Nullable BeanFactory beanFactory;

	DatabaseConnectionFailureAnalyzer(Environment environment, @Nullable BeanFactory beanFactory) {
		this.environment = environment;
		this.beanFactory = beanFactory;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		ConnectionFailure kind = ConnectionFailure.of(failure);
		if (kind == null) {
			return null;
		}
		AttemptedPath path = AttemptedPath.of(failure, this.environment, this.beanFactory);
		Duration waited = startupWait();
		StringBuilder description = new StringBuilder("Duality: ").append(path.name())
			.append(" could not connect to PostgreSQL.\n\n");
		description.append("    Problem:   ").append(kind.problem());
		if (kind.waitingCanHelp() && !waited.isZero()) {
			description.append(" It stayed so for all of duality.startup.wait (").append(waited.toSeconds())
				.append("s).");
		}
		description.append('\n');
		description.append("    Tried:     ").append(path.target()).append('\n');
		description.append("    Property:  ").append(path.property()).append('\n');
		if (path.origin() != null) {
			description.append("    Origin:    ").append(path.origin()).append('\n');
		}
		String cause = (kind == ConnectionFailure.UNKNOWN) ? CauseChain.driverWords(failure)
				: CauseChain.innermostMessage(failure);
		description.append("    Cause:     ").append(Secrets.mask(cause)).append('\n');
		return new FailureAnalysis(description.toString(),
				kind.fix(path.property(), waited) + "\n\nSee README, Operations, \"Startup failures, explained\".",
				failure);
	}

	/** Zero for a value that does not bind: the analysis must not fail on it. */
	private Duration startupWait() {
		try {
			return StartupWaitAutoConfiguration.startupWait(this.environment);
		}
		catch (RuntimeException ex) {
			return Duration.ZERO;
		}
	}

}
