package io.github.duality.core;

import java.util.List;

/**
 * One input URL derived into both driver targets.
 *
 * @param maskedInput the input URL with every secret replaced by {@code ****}
 * @param spec the validated, immutable model
 * @param jdbc the pgjdbc target for the application's own meaning of the URL
 * @param migrationJdbc the pgjdbc target for migrations: same as {@code jdbc} but always aimed at the primary
 * @param r2dbc the r2dbc-postgresql target
 * @param notes human-readable remarks (path-only parameters, converted units, defaults made explicit)
 */
public record DerivedConnection(String maskedInput, ConnectionSpec spec, JdbcTarget jdbc, JdbcTarget migrationJdbc,
		R2dbcTarget r2dbc, List<String> notes) {

	public DerivedConnection {
		notes = List.copyOf(notes);
	}

}
