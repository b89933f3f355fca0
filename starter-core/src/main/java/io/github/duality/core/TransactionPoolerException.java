package io.github.duality.core;

import java.util.List;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * The migration path has no session of its own: a transaction pooler is in front of the URL and no direct endpoint
 * is known.
 */
public class TransactionPoolerException extends InvalidConnectionUrlException {

	private final TransactionPooler pooler;

	public TransactionPoolerException(TransactionPooler pooler) {
		super(capitalized(pooler.describe()) + " is in front of this URL. It hands server sessions from client to "
				+ "client between transactions, so a migration's "
				+ "session-level lock would neither exclude other instances nor be released, and its SET commands "
				+ "would reach other clients' sessions.",
				parameterOf(pooler.evidence()),
				"Migrations need a session of their own: give the migration path the direct endpoint ("
						+ pooler.directForm() + "). The application keeps going through the pooler.");
		this.pooler = pooler;
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** The URL part that shows the pooler, or {@code null} when the user said so beside the URL. */
	private static @Nullable String parameterOf(String evidence) {
		// the evidence names the URL part as libpq does: pgbouncer=true, host h, port p
		for (Parameter parameter : List.of(Parameter.PGBOUNCER, Parameter.HOST, Parameter.PORT)) {
			String name = parameter.preferredName(ParameterFamily.LIBPQ);
			if (evidence.startsWith(name)) {
				return name;
			}
		}
		return null;
	}

	public TransactionPooler getPooler() {
		return this.pooler;
	}

}
