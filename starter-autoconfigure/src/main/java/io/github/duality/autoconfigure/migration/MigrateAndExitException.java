package io.github.duality.autoconfigure.migration;

import org.springframework.boot.ExitCodeGenerator;

/**
 * The migrations of {@code duality.migration.mode=migrate-and-exit} failed: the process exits with status 1.
 */
class MigrateAndExitException extends RuntimeException implements ExitCodeGenerator {

	MigrateAndExitException(String message, Throwable cause) {
		super(message, cause);
	}

	MigrateAndExitException(String message) {
		super(message);
	}

	@Override
	public int getExitCode() {
		return 1;
	}

}
