package io.github.duality.core;

import java.util.List;

import io.github.duality.core.model.ConnectionSpec;
import org.jspecify.annotations.Nullable;

/**
 * One input URL derived into both driver targets.
 *
 * @param maskedInput the input URL with every secret replaced by {@code ****}
 * @param spec the validated, immutable model
 * @param jdbc the pgjdbc target for the application's own meaning of the URL
 * @param migration where migrations connect: always the primary, and never through a transaction pooler
 * @param r2dbc the r2dbc-postgresql target
 * @param pooler the transaction pooler in front of the URL, or {@code null} when none is known
 * @param notes human-readable remarks (path-only parameters, converted units, defaults made explicit)
 */
public record DerivedConnection(String maskedInput, ConnectionSpec spec, JdbcTarget jdbc, MigrationPath migration,
		R2dbcTarget r2dbc, @Nullable TransactionPooler pooler, List<String> notes) {

	public DerivedConnection {
		notes = List.copyOf(notes);
	}

	/**
	 * The pgjdbc target for migrations.
	 * @throws TransactionPoolerException when a transaction pooler is in front and no direct endpoint is known
	 */
	public JdbcTarget migrationJdbc() {
		return this.migration.target();
	}

}
