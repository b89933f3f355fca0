package io.github.duality.autoconfigure.diagnostics;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Explains a Liquibase change-log lock that another session kept for the whole wait: who holds it (as the lock
 * service found it), what to do about a live holder, and how to wait longer. Liquibase is matched by class name, as
 * it may not be on the class path.
 */
class MigrationLockFailureAnalyzer implements FailureAnalyzer {

	private static final String LOCK_EXCEPTION = "liquibase.exception.LockException";

	private final Environment environment;

	private final @Nullable BeanFactory beanFactory;

	MigrationLockFailureAnalyzer(Environment environment, @Nullable BeanFactory beanFactory) {
		this.environment = environment;
		this.beanFactory = beanFactory;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		Throwable lockFailure = lockFailure(failure);
		if (lockFailure == null || ConnectionFailure.of(failure) != null) {
			return null;
		}
		AttemptedPath path = AttemptedPath.of(failure, this.environment, this.beanFactory);
		String description = "Duality: " + path.name() + " did not get the Liquibase change-log lock.\n\n"
				+ "    Problem:   " + lockFailure.getMessage() + "\n"
				+ "    Tried:     " + path.target() + "\n";
		String action = "Another instance holds the lock while it migrates: let it finish (its log shows the "
				+ "change sets it applies), or stop it. A lock whose session has ended is released by itself when "
				+ "Duality's session lock is in use (the default), so only a live session keeps it. For a migration "
				+ "that takes longer than the wait, raise it with the system property "
				+ "liquibase.changelogLockWaitTimeInMinutes (default 5). A holder that is stuck can be ended on the "
				+ "server with SELECT pg_terminate_backend(pid), the pid the problem names.\n\n"
				+ "See README, Operations: crash recovery.";
		return new FailureAnalysis(description, action, failure);
	}

	private static @Nullable Throwable lockFailure(Throwable failure) {
		return CauseChain.of(failure)
			.stream()
			.filter((cause) -> cause.getClass().getName().equals(LOCK_EXCEPTION))
			.findFirst()
			.orElse(null);
	}

}
