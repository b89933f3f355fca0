package io.github.duality.core;

/**
 * What the user says about a pooler in front of the URL, beside what the URL itself shows.
 */
public enum PoolerHint {

	/** Recognise a transaction pooler from the URL: {@code pgbouncer=true} or a provider's pooler host and port. */
	AUTO,

	/** A transaction-mode pooler is in front, whatever the URL shows (a generic PgBouncer on any port). */
	TRANSACTION,

	/**
	 * No transaction pooler is in front (the server itself, or a session-mode pooler), whatever the host or port
	 * looks like; a {@code pgbouncer=true} in the URL still turns off server-side prepared statements.
	 */
	NONE

}
