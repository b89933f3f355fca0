package io.github.duality.core;

import io.github.duality.core.model.InvalidConnectionUrlException;
import org.jspecify.annotations.Nullable;

/**
 * The migration URL, the second URL that gives migrations a direct endpoint, cannot be derived, or does not reach
 * the application's database with at least its TLS.
 */
public class MigrationUrlException extends InvalidConnectionUrlException {

	public MigrationUrlException(String problem, @Nullable String parameter, @Nullable String fix) {
		super(problem, parameter, fix);
	}

}
