package io.github.duality.autoconfigure.diagnostics;

import java.sql.SQLException;

import io.github.duality.core.JdbcTarget;
import org.jspecify.annotations.Nullable;

/**
 * The driver's failure to connect to a target Duality derived, met where Duality's code opens the connection: it
 * carries what the failure analysis shows and probes, as the failed context's beans are gone by the time the
 * failure is analysed. The driver's message, SQLSTATE and code are its own, and the driver's exception is its
 * cause, so that a migration tool reports it as it would the driver's.
 */
public final class DerivedTargetConnectionException extends SQLException {

	private final String target;

	private final transient @Nullable JdbcTarget tlsTarget;

	/**
	 * @param failure the driver's failure
	 * @param target what was tried, as the startup line describes it: endpoint, user, sslmode, no secret
	 * @param tlsTarget the target connected to, whose TLS material a handshake of Duality's own can test
	 */
	public DerivedTargetConnectionException(SQLException failure, String target, JdbcTarget tlsTarget) {
		super(failure.getMessage(), failure.getSQLState(), failure.getErrorCode(), failure);
		this.target = target;
		this.tlsTarget = tlsTarget;
	}

	String target() {
		return this.target;
	}

	/** {@code null} only for an exception that was serialized, which drops the target's secrets. */
	@Nullable JdbcTarget tlsTarget() {
		return this.tlsTarget;
	}

}
