package io.github.duality.autoconfigure.diagnostics;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javax.net.ssl.SSLHandshakeException;

import io.r2dbc.spi.R2dbcException;
import org.jspecify.annotations.Nullable;

/**
 * Why a first connection failed, told from the drivers' exceptions and SQLSTATEs, each kind with its own fix. The
 * order matters: a TLS failure also carries a connection-level SQLSTATE.
 */
public enum ConnectionFailure {

	/** The certificate chain or the host name did not pass {@code verify-ca}/{@code verify-full}. */
	TLS_VERIFICATION((chain) -> chain.has(GeneralSecurityException.class) || chain.has(SSLHandshakeException.class)
			|| chain.says("could not be verified")),

	/** The server answered the TLS request with no: {@code ssl = off}, or a pooler without TLS. */
	TLS_REFUSED_BY_SERVER((chain) -> chain.says("does not support ssl")
			|| chain.says("support for ssl connection is disabled")),

	/** {@code pg_hba.conf} has no entry for this connection without TLS. */
	TLS_REQUIRED_BY_SERVER((chain) -> chain.state("28000") && chain.says("no encryption")),

	/** Wrong password; with scram-sha-256 also an unknown role, as PostgreSQL does not tell them apart. */
	PASSWORD_REFUSED((chain) -> chain.state("28P01")),

	/** {@code pg_hba.conf} rejects this user, database or address, or the role does not exist. */
	ACCESS_REFUSED((chain) -> chain.state("28000")),

	UNKNOWN_DATABASE((chain) -> chain.state("3D000")),

	/** Connection refused, no route, no DNS entry, a timeout, or a server starting or stopping. */
	UNREACHABLE((chain) -> chain.has(ConnectException.class) || chain.has(NoRouteToHostException.class)
			|| chain.has(UnknownHostException.class) || chain.has(SocketTimeoutException.class)
			|| chain.stateStartsWith("08") || chain.stateStartsWith("57P0"));

	private final Predicate<Causes> test;

	ConnectionFailure(Predicate<Causes> test) {
		this.test = test;
	}

	/** The kind of the failure, or {@code null} when no cause in it is a database connection failure. */
	public static @Nullable ConnectionFailure of(Throwable failure) {
		Causes chain = new Causes(failure);
		if (!chain.has(SQLException.class) && !chain.has(R2dbcException.class) && !chain.has(IOException.class)
				&& !chain.has(GeneralSecurityException.class)) {
			return null;
		}
		for (ConnectionFailure kind : values()) {
			if (kind.test.test(chain)) {
				return kind;
			}
		}
		return null;
	}

	/** Whether waiting can fix the failure: the server is not reachable or not ready yet. */
	public static boolean isUnreachable(Throwable failure) {
		return of(failure) == UNREACHABLE;
	}

	/** The message of the innermost cause with one: the driver's or the server's own words. */
	static String innermostMessage(Throwable failure) {
		String message = failure.getClass().getSimpleName();
		for (Throwable cause : CauseChain.of(failure)) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				message = cause.getMessage();
			}
		}
		return message;
	}

	private static final class Causes {

		private final List<Throwable> all;

		private final List<String> states = new ArrayList<>();

		private final String messages;

		Causes(Throwable failure) {
			this.all = CauseChain.of(failure);
			StringBuilder text = new StringBuilder();
			for (Throwable cause : this.all) {
				String state = (cause instanceof SQLException sql) ? sql.getSQLState()
						: (cause instanceof R2dbcException r2dbc) ? r2dbc.getSqlState() : null;
				if (state != null) {
					this.states.add(state);
				}
				text.append(cause.getMessage()).append('\n');
			}
			this.messages = text.toString().toLowerCase(Locale.ROOT);
		}

		boolean has(Class<? extends Throwable> type) {
			return this.all.stream().anyMatch(type::isInstance);
		}

		boolean state(String state) {
			return this.states.contains(state);
		}

		boolean stateStartsWith(String prefix) {
			return this.states.stream().anyMatch((state) -> state.startsWith(prefix));
		}

		boolean says(String words) {
			return this.messages.contains(words);
		}

	}

}
