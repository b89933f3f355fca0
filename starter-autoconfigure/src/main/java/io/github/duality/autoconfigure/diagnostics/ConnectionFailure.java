package io.github.duality.autoconfigure.diagnostics;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.r2dbc.spi.R2dbcException;
import org.jspecify.annotations.Nullable;

/**
 * Why a first connection failed, told from the drivers' exceptions and the server's SQLSTATE and words: one row per
 * cause, with its test, what it means and its fix. The first row whose test passes wins, so a specific row comes
 * before a general one (the server's messages are matched in English; in another {@code lc_messages} the general
 * row of their SQLSTATE answers).
 * <p>
 * The server's messages are PostgreSQL's ({@code src/backend/libpq/auth.c}, {@code utils/init/postinit.c},
 * {@code postmaster/postmaster.c}, {@code storage/lmgr/proc.c}); the drivers' are pgjdbc's ({@code org.postgresql.ssl},
 * {@code core.v3.ConnectionFactoryImpl}) and r2dbc-postgresql's ({@code client.SSLSessionHandlerAdapter},
 * {@code client.ReactorNettyClient}).
 */
public enum ConnectionFailure {

	/** pgjdbc 42.7.11+ refuses a client key that others may read, as libpq does. */
	CLIENT_KEY_PERMISSIONS(Waiting.CANNOT_HELP,
			(chain) -> chain.says("private key file") && chain.says("has group or world access"),
			"The client key file (sslkey) can be read by users other than its owner, and pgjdbc, like libpq, "
					+ "refuses such a key.",
			(context) -> "Make the key file (sslkey in " + context.property() + ") readable by its owner only: "
					+ "chmod 0600, or 0640 when root owns it. From a Kubernetes secret volume, set defaultMode: 0400 "
					+ "(or 0600) on the volume: its default, 0644, is refused."),

	CLIENT_KEY_OR_CERTIFICATE_UNREADABLE(Waiting.CANNOT_HELP,
			(chain) -> chain.says("could not read ssl key file") || chain.says("could not decrypt ssl key file")
					|| chain.says("could not load the private key") || chain.says("could not load cert chain")
					|| chain.says("could not open ssl certificate file")
					|| chain.says("into a keymanager failed") || chain.says("could not initialize key manager")
					|| chain.says("could not initialize pemkeymanager")
					|| chain.says("permissions of the private key file")
					|| chain.says("could not read permissions for private key file"),
			"pgjdbc could not read the client certificate or key (sslcert, sslkey): a file is missing or "
					+ "unreadable, or not a certificate or key that it reads.",
			(context) -> "Check that sslcert and sslkey in " + context.property() + " name the client certificate "
					+ "and its private key, that the user the application runs as can read both (the Cause line "
					+ "names the file), and that the key is the certificate's own, unencrypted."),

	/**
	 * The server's TLS alert about the client certificate: OpenSSL answers {@code unknown_ca} for a certificate
	 * whose CA is not in the server's {@code ssl_ca_file}.
	 */
	CLIENT_CERTIFICATE_FROM_UNKNOWN_CA(Waiting.CANNOT_HELP, (chain) -> chain.says("received fatal alert: unknown_ca"),
			"The server refused the client certificate (sslcert) during the TLS handshake: no CA that the server "
					+ "trusts for client certificates (its ssl_ca_file) signed it.",
			(context) -> "Use a client certificate issued by the CA the server trusts for client certificates "
					+ "(for a managed database, one created for this instance), with its key, as sslcert and "
					+ "sslkey in " + context.property() + "; or ask the DBA to add its CA to ssl_ca_file."),

	CLIENT_CERTIFICATE_EXPIRED(Waiting.CANNOT_HELP, (chain) -> chain.says("received fatal alert: certificate_expired"),
			"The server refused the client certificate (sslcert) during the TLS handshake: it has expired, or is "
					+ "not valid yet.",
			(context) -> "Renew the client certificate (sslcert in " + context.property() + ") and deploy it "
					+ "with its key; check the clock of this machine if the certificate should be valid."),

	/** OpenSSL answers {@code decrypt_error} when the certificate's key did not make the handshake's signature. */
	CLIENT_KEY_NOT_THE_CERTIFICATES(Waiting.CANNOT_HELP, (chain) -> chain.says("received fatal alert: decrypt_error"),
			"The server could not verify the client's TLS signature: the key in sslkey is not the key of the "
					+ "certificate in sslcert.",
			(context) -> "Give sslkey and sslcert in " + context.property() + " as a pair: the private key that "
					+ "was issued with that certificate."),

	CLIENT_CERTIFICATE_REFUSED(Waiting.CANNOT_HELP,
			(chain) -> chain.says("received fatal alert: bad_certificate")
					|| chain.says("received fatal alert: certificate_unknown")
					|| chain.says("received fatal alert: certificate_revoked")
					|| chain.says("received fatal alert: unsupported_certificate"),
			"The server refused the client certificate (sslcert) during the TLS handshake (the Cause line quotes "
					+ "its TLS alert): revoked, not meant for client authentication, or damaged.",
			(context) -> "Use a valid client certificate for this server, issued for client authentication, as "
					+ "sslcert with its key as sslkey in " + context.property() + "."),

	/** The server answered the TLS request with no: {@code ssl = off}, or a pooler without TLS. */
	TLS_NOT_OFFERED(Waiting.CANNOT_HELP,
			(chain) -> chain.says("does not support ssl") || chain.says("support for ssl connection is disabled"),
			"The server does not offer TLS, and sslmode requires it.",
			(context) -> "Turn TLS on at the server (ssl = on, with a certificate) or connect to a server or pooler "
					+ "that offers it. Lower sslmode in " + context.property() + " to prefer or disable only if the "
					+ "password and the data may cross the network unencrypted."),

	/** pgjdbc's own host-name check, r2dbc-postgresql's, or the JDK's endpoint identification. */
	SERVER_CERTIFICATE_NOT_FOR_HOST(Waiting.CANNOT_HELP,
			(chain) -> chain.says("could not be verified") || chain.says("no subject alternative")
					|| chain.says("no name matching"),
			"The server's certificate is not issued to the host name in the URL, and sslmode=verify-full checks it.",
			(context) -> "With sslmode=verify-full the host in " + context.property() + " must be a name the "
					+ "certificate lists: use that name, not an IP address or an alias. sslmode=verify-ca checks "
					+ "the CA but not the name."),

	SERVER_CERTIFICATE_UNTRUSTED(Waiting.CANNOT_HELP,
			(chain) -> chain.says("pkix path") || chain.says("unable to find valid certification path")
					|| chain.has(CertificateException.class),
			"The server's certificate did not pass the check that sslmode asks for: it is not signed by the CA "
					+ "in sslrootcert, or it has expired.",
			(context) -> "Make sslrootcert in " + context.property() + " name the CA certificate that signed the "
					+ "server's certificate (for a managed database, the provider's CA bundle)."),

	/** {@code pg_hba.conf} has no entry for this connection without TLS. */
	TLS_REQUIRED_BY_SERVER(Waiting.CANNOT_HELP,
			(chain) -> chain.state("28000") && chain.says("no pg_hba.conf entry") && chain.says("no encryption"),
			"The server accepts this user only over TLS, and the connection had none.",
			(context) -> "Set sslmode=verify-full with sslrootcert=<CA certificate file> (or at least "
					+ "sslmode=require) in " + context.property() + "."),

	/** Wrong password; with scram-sha-256 also an unknown role, as PostgreSQL does not tell them apart. */
	PASSWORD_REFUSED(Waiting.CANNOT_HELP, (chain) -> chain.state("28P01"),
			"The server refused the password (SQLSTATE 28P01). PostgreSQL says the same when the role does not "
					+ "exist.",
			(context) -> "Check the user name and the password: in the URL of " + context.property()
					+ " (percent-encode reserved characters in the password: @ as %40, : as %3A, / as %2F, % as %25) "
					+ "or in spring.datasource.username and spring.datasource.password. The role must exist on the "
					+ "server with that password."),

	HBA_REJECTS(Waiting.CANNOT_HELP,
			(chain) -> chain.state("28000") && chain.says("pg_hba.conf rejects connection"),
			"A reject line in the server's pg_hba.conf refuses this user, database and client address (SQLSTATE "
					+ "28000); no password was asked.",
			(context) -> "Ask the DBA which pg_hba.conf line rejects it (the Cause line names the host, user, "
					+ "database and encryption the server saw), or connect as a user, to a database or over the "
					+ "TLS mode that the server accepts: user, database and sslmode are in " + context.property()
					+ "."),

	NO_HBA_ENTRY(Waiting.CANNOT_HELP, (chain) -> chain.state("28000") && chain.says("no pg_hba.conf entry"),
			"No line of the server's pg_hba.conf matches this client address, user, database and encryption "
					+ "(SQLSTATE 28000).",
			(context) -> "Ask the DBA for a pg_hba.conf line that admits this user and database from this client "
					+ "address with this encryption (the Cause line names all four as the server saw them), or "
					+ "correct the user, database or sslmode in " + context.property() + "."),

	/** {@code hostssl … cert}, or {@code clientcert=verify-ca/verify-full}, and no certificate came. */
	CLIENT_CERTIFICATE_MISSING(Waiting.CANNOT_HELP,
			(chain) -> chain.state("28000") && chain.says("connection requires a valid client certificate"),
			"The server requires a client certificate for this connection, and none was sent (SQLSTATE 28000).",
			(context) -> "Give the client certificate and its key as sslcert and sslkey in " + context.property()
					+ "."),

	/** The certificate was valid, but its CN is not the user name, nor mapped to it in {@code pg_ident.conf}. */
	CLIENT_CERTIFICATE_NOT_FOR_USER(Waiting.CANNOT_HELP,
			(chain) -> chain.state("28000") && chain.says("certificate authentication failed for user"),
			"The server accepted the client certificate but not for this user: the certificate's common name (CN) "
					+ "is not the user name, nor mapped to it in pg_ident.conf (SQLSTATE 28000).",
			(context) -> "Connect as the user the certificate was issued to (its CN), or use the certificate issued "
					+ "to this user; the user and sslcert are in " + context.property() + "."),

	LOGIN_NOT_PERMITTED(Waiting.CANNOT_HELP,
			(chain) -> chain.state("28000") && chain.says("is not permitted to log in"),
			"The role exists but may not log in: it has NOLOGIN, as a group role has (SQLSTATE 28000).",
			(context) -> "Connect as a role that can log in (the user in " + context.property() + "), or let this "
					+ "one: ALTER ROLE name LOGIN."),

	/** Methods that look the role up before any password ({@code cert}, {@code trust}) say so outright. */
	ROLE_UNKNOWN(Waiting.CANNOT_HELP,
			(chain) -> chain.state("28000") && chain.says("role \"") && chain.says("\" does not exist"),
			"The role does not exist on the server (SQLSTATE 28000).",
			(context) -> "Correct the user name in " + context.property() + " (or spring.datasource.username), or "
					+ "create the role: CREATE ROLE name LOGIN."),

	/** Any other refusal of the authorization: LDAP, PAM, ident and the like, or a wording not known here. */
	ACCESS_REFUSED(Waiting.CANNOT_HELP, (chain) -> chain.state("28000"),
			"The server refused this user, database or client address (SQLSTATE 28000); the Cause line quotes "
					+ "its reason.",
			(context) -> "Check the user name and the database in " + context.property() + ". The server's "
					+ "pg_hba.conf must allow this user and database from this client address with a method this "
					+ "user can pass: ask the DBA with the Cause line."),

	CONNECT_PRIVILEGE_MISSING(Waiting.CANNOT_HELP,
			(chain) -> chain.state("42501") && chain.says("permission denied for database"),
			"The role may not connect to this database: it lacks the CONNECT privilege on it (SQLSTATE 42501).",
			(context) -> "Grant it (GRANT CONNECT ON DATABASE name TO role), or correct the user or the database in "
					+ context.property() + "."),

	UNKNOWN_DATABASE(Waiting.CANNOT_HELP, (chain) -> chain.state("3D000"),
			"The database does not exist on the server (SQLSTATE 3D000).",
			(context) -> "Correct the database name (the path of the URL in " + context.property() + ") or create "
					+ "the database on the server (CREATE DATABASE name OWNER user)."),

	ROLE_CONNECTION_LIMIT(Waiting.CANNOT_HELP,
			(chain) -> chain.state("53300") && chain.says("too many connections for role"),
			"The role already has as many sessions as its CONNECTION LIMIT allows (SQLSTATE 53300).",
			(context) -> "Each instance holds up to spring.r2dbc.pool.max-size connections (10 unless set), and one "
					+ "more for migrations while it starts: pool size times instances, plus the role's other "
					+ "clients, must stay within the limit. Raise it (ALTER ROLE name CONNECTION LIMIT n; -1 is "
					+ "none), lower spring.r2dbc.pool.max-size, or see who holds the sessions: SELECT "
					+ "application_name, client_addr FROM pg_stat_activity WHERE usename = 'name'."),

	DATABASE_CONNECTION_LIMIT(Waiting.CANNOT_HELP,
			(chain) -> chain.state("53300") && chain.says("too many connections for database"),
			"The database already has as many sessions as its CONNECTION LIMIT allows (SQLSTATE 53300).",
			(context) -> "Raise the limit (ALTER DATABASE name CONNECTION LIMIT n; -1 is none) or lower "
					+ "spring.r2dbc.pool.max-size (10 unless set): pool size times instances, plus the database's "
					+ "other clients, must stay within it."),

	/** "sorry, too many clients already", or only the slots reserved for superusers or a role are left. */
	SERVER_CONNECTION_LIMIT(Waiting.CANNOT_HELP, (chain) -> chain.state("53300"),
			"The server has no connection slot left for this user (SQLSTATE 53300): max_connections is reached, "
					+ "or only reserved slots remain.",
			(context) -> "The sum over all clients must stay within the server's max_connections, less its "
					+ "reserved slots: spring.r2dbc.pool.max-size (10 unless set) times instances, plus one "
					+ "migration connection per starting instance, plus every other client. Lower the pool size, "
					+ "raise max_connections (a server restart), or put a pooler such as PgBouncer in front."),

	DATABASE_NOT_ACCEPTING_CONNECTIONS(Waiting.CANNOT_HELP,
			(chain) -> chain.state("55000") && chain.says("not currently accepting connections"),
			"The database does not accept connections: its datallowconn is false (ALLOW_CONNECTIONS false, as "
					+ "template0 has, or a database being taken out of service) (SQLSTATE 55000).",
			(context) -> "Connect to another database (the path of the URL in " + context.property() + "), or "
					+ "allow connections again: ALTER DATABASE name ALLOW_CONNECTIONS true."),

	/** 57P01 to 57P03: shutting down, crashed, starting up, in recovery, or a standby without hot standby. */
	SERVER_NOT_READY(Waiting.CAN_HELP,
			(chain) -> chain.state("57P01") || chain.state("57P02") || chain.state("57P03"),
			"The server answered that it does not accept connections now: it is starting up, shutting down or "
					+ "recovering (SQLSTATE 57P0x).",
			(context) -> "Connect once the server is up."
					+ waitAdvice(context, "it starts along with the application")
					+ " If it never comes up (a standby with hot_standby off answers so for good), connect to the "
					+ "primary: the host in " + context.property() + "."),

	HOST_UNKNOWN(Waiting.CAN_HELP, (chain) -> chain.has(UnknownHostException.class),
			"The host name does not resolve: no DNS entry (nothing was asked of a server).",
			(context) -> "Check the host name in " + context.property() + "." + waitAdvice(context,
					"the name is that of a service that starts along with the application")),

	/** pgjdbc's SocketTimeoutException; Netty's ConnectTimeoutException, which is a ConnectException too. */
	NO_ANSWER_IN_TIME(Waiting.CAN_HELP,
			(chain) -> chain.has(SocketTimeoutException.class) || chain.hasNamed("ConnectTimeoutException"),
			"Nothing answered at that host and port within the connect timeout: packets dropped by a firewall or "
					+ "security group, an address that leads nowhere, or a server too busy to answer.",
			(context) -> "Check the host and port in " + context.property() + " and that this machine may reach "
					+ "them (firewalls, security groups, listen_addresses)."
					+ waitAdvice(context, "the server starts after the application")),

	CONNECTION_REFUSED(Waiting.CAN_HELP,
			(chain) -> chain.has(ConnectException.class) || chain.has(NoRouteToHostException.class)
					|| chain.says("network is unreachable"),
			"Nothing listens at that host and port: the connection was refused, or no route leads there.",
			(context) -> "Check the host and port in " + context.property() + ", that the server runs, and that it "
					+ "accepts TCP connections from this machine (listen_addresses, firewalls, security groups)."
					+ waitAdvice(context, "the database starts after the application")),

	/**
	 * A peer that takes the TCP connection and drops it before a word of PostgreSQL: a container port whose server is
	 * not up yet (Docker's proxy does this), a load balancer without a healthy backend, or not PostgreSQL at all.
	 */
	CLOSED_WITHOUT_ANSWER(Waiting.CAN_HELP,
			(chain) -> chain.has(EOFException.class) || chain.says("connection closed during ssl negotiation")
					|| chain.says("connection unexpectedly closed") || chain.says("connection reset"),
			"Something at that host and port took the connection and closed it without a PostgreSQL answer: a "
					+ "container or proxy whose server is not up yet, a load balancer without a healthy backend, or "
					+ "not a PostgreSQL server.",
			(context) -> "Check that the host and port in " + context.property() + " lead to PostgreSQL itself."
					+ waitAdvice(context, "the server behind it starts after the application")),

	/** A connection failure, by its SQLSTATE class or a TLS exception, that no row above knows. */
	UNKNOWN(Waiting.CANNOT_HELP, (chain) -> chain.stateStartsWith("08") || chain.has(SSLException.class),
			"Duality does not know this failure: the driver's and the server's own words follow on the Cause line.",
			(context) -> "Read the Cause line with what was tried, and the server's log at that moment: the server "
					+ "logs why it ended each connection it refused. The property is " + context.property() + ".");

	private final Waiting waiting;

	private final Predicate<Causes> test;

	private final String problem;

	private final Fix fix;

	ConnectionFailure(Waiting waiting, Predicate<Causes> test, String problem, Fix fix) {
		this.waiting = waiting;
		this.test = test;
		this.problem = problem;
		this.fix = fix;
	}

	/**
	 * The kind of the failure, or {@code null} when it is not a database connection failure. Both drivers report
	 * every failure to connect as their own exception (pgjdbc's PSQLException, r2dbc-postgresql's R2dbcException), so
	 * an SSLException or IOException of anything else in the application is never taken for one.
	 */
	public static @Nullable ConnectionFailure of(Throwable failure) {
		Causes chain = new Causes(failure);
		if (!chain.has(SQLException.class) && !chain.has(R2dbcException.class)) {
			return null;
		}
		for (ConnectionFailure kind : values()) {
			if (kind.test.test(chain)) {
				return kind;
			}
		}
		return null;
	}

	/**
	 * The kind a server's TLS alert about the client certificate names, or {@code null} when it names none.
	 * @param alert the alert as the JDK words it ({@code Received fatal alert: unknown_ca})
	 */
	static @Nullable ConnectionFailure ofClientCertificateAlert(String alert) {
		Causes chain = new Causes(new SSLHandshakeException(alert));
		for (ConnectionFailure kind : List.of(CLIENT_CERTIFICATE_FROM_UNKNOWN_CA, CLIENT_CERTIFICATE_EXPIRED,
				CLIENT_KEY_NOT_THE_CERTIFICATES, CLIENT_CERTIFICATE_REFUSED)) {
			if (kind.test.test(chain)) {
				return kind;
			}
		}
		return null;
	}

	/** Whether a closed connection or an unknown TLS failure may hide the server's refusal of the certificate. */
	boolean mayHideClientCertificateRefusal() {
		return this == UNKNOWN || this == CLOSED_WITHOUT_ANSWER;
	}

	/**
	 * Whether waiting can fix the failure: nothing answered yet (no DNS entry, refused, no answer in time, closed
	 * without a word), or the server answered that it is starting or stopping. A server that answered with any other
	 * refusal will give the same answer again.
	 */
	public static boolean isUnreachable(Throwable failure) {
		ConnectionFailure kind = of(failure);
		return kind != null && kind.waitingCanHelp();
	}

	/** Whether {@code duality.startup.wait} retries this kind. */
	boolean waitingCanHelp() {
		return this.waiting == Waiting.CAN_HELP;
	}

	/** What the failure means, in one or two sentences. */
	String problem() {
		return this.problem;
	}

	/**
	 * The fix, in the user's terms: properties and URL parameters, SQL for the DBA, never a tool the application
	 * does not ship with.
	 * @param property the property the target came from
	 * @param startupWait {@code duality.startup.wait}, zero when not set
	 */
	String fix(String property, Duration startupWait) {
		return this.fix.advise(new Context(property, startupWait));
	}

	/** For the kinds that waiting can fix: how to wait, or to wait longer. */
	private static String waitAdvice(Context context, String when) {
		return context.startupWait().isZero()
				? " If " + when + " (Docker Compose, Kubernetes), set duality.startup.wait (e.g. 60s) to retry "
						+ "the first connection."
				: " If the server takes longer to come up, raise duality.startup.wait.";
	}

	private enum Waiting {

		CAN_HELP, CANNOT_HELP

	}

	private record Context(String property, Duration startupWait) {
	}

	@FunctionalInterface
	private interface Fix {

		String advise(Context context);

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

		/** For a driver's type this module does not compile against. */
		boolean hasNamed(String simpleName) {
			return this.all.stream().anyMatch((cause) -> cause.getClass().getSimpleName().equals(simpleName));
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
