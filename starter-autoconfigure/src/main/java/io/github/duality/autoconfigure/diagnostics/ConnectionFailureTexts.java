package io.github.duality.autoconfigure.diagnostics;

import java.time.Duration;

/**
 * What each kind of connection failure means and how to fix it, in the user's terms: properties and URL
 * parameters, never a tool the application does not ship with.
 */
final class ConnectionFailureTexts {

	private ConnectionFailureTexts() {
	}

	static String problem(ConnectionFailure kind) {
		return switch (kind) {
			case TLS_VERIFICATION -> "The server's certificate did not pass the check that sslmode asks for "
					+ "(verify-ca: signed by the CA in sslrootcert; verify-full: also issued to the host name).";
			case TLS_REFUSED_BY_SERVER -> "The server does not offer TLS, and sslmode requires it.";
			case TLS_REQUIRED_BY_SERVER -> "The server accepts this user only over TLS, and the connection had none.";
			case PASSWORD_REFUSED -> "The server refused the password (SQLSTATE 28P01). PostgreSQL says the same when "
					+ "the role does not exist.";
			case ACCESS_REFUSED -> "The server refused this user, database or client address (SQLSTATE 28000).";
			case UNKNOWN_DATABASE -> "The database does not exist on the server (SQLSTATE 3D000).";
			case UNREACHABLE -> "No PostgreSQL server answered at that host and port.";
		};
	}

	static String fix(ConnectionFailure kind, String property, Duration startupWait) {
		return switch (kind) {
			case TLS_VERIFICATION -> "Make sslrootcert in " + property + " name the CA certificate that signed the "
					+ "server's certificate (for a managed database, the provider's CA bundle). With "
					+ "sslmode=verify-full the host in the URL must be a name the certificate lists: use that name, "
					+ "not an IP address or an alias. sslmode=verify-ca checks the CA but not the name.";
			case TLS_REFUSED_BY_SERVER -> "Turn TLS on at the server (ssl = on, with a certificate) or connect to a "
					+ "server or pooler that offers it. Lower sslmode in " + property + " to prefer or disable only if "
					+ "the password and the data may cross the network unencrypted.";
			case TLS_REQUIRED_BY_SERVER -> "Set sslmode=verify-full with sslrootcert=<CA certificate file> (or at "
					+ "least sslmode=require) in " + property + ".";
			case PASSWORD_REFUSED -> "Check the user name and the password: in the URL of " + property
					+ " (percent-encode reserved characters in the password: @ as %40, : as %3A, / as %2F, % as %25) "
					+ "or in spring.datasource.username and spring.datasource.password. The role must exist on the "
					+ "server with that password.";
			case ACCESS_REFUSED -> "Check the user name and the database in " + property + ". The server's "
					+ "pg_hba.conf must allow this user and database from this client address (the Cause line "
					+ "quotes the server).";
			case UNKNOWN_DATABASE -> "Correct the database name (the path of the URL in " + property + ") or create "
					+ "the database on the server (CREATE DATABASE name OWNER user).";
			case UNREACHABLE -> "Check the host and port in " + property + ", that the server runs, and that it "
					+ "accepts TCP connections from this machine (listen_addresses, firewalls, security groups)."
					+ (startupWait.isZero()
							? " If the database starts after the application (Docker Compose, Kubernetes), set "
									+ "duality.startup.wait (e.g. 60s) to retry the first connection."
							: " If the database takes longer to start, raise duality.startup.wait.");
		};
	}

}
