package io.github.duality.autoconfigure.diagnostics;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.spec.InvalidKeySpecException;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per cause, each from the exceptions the drivers really throw: pgjdbc (the migration path) and
 * r2dbc-postgresql (the application path) connect, with the targets Duality derives, to the test server made to
 * refuse, to a local socket that plays a server's part (the postmaster's refusals while it starts or is full, a peer
 * that closes or never answers), or to nothing. Client-certificate failures need a server that asks for a
 * certificate: those exceptions are built as the drivers build them, with the types and words their sources give.
 */
class ConnectionFailureTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final String MIGRATION_PATH = "the migration path (Liquibase)";

	private static final String APPLICATION_PATH = "the application path (R2DBC)";

	private static final String NOLOGIN_ROLE = "failure_nologin";

	private static final String LIMITED_ROLE = "failure_role_limit";

	private static final String CLOSED_DATABASE = "failure_closed";

	private static final String LIMITED_DATABASE = "failure_database_limit";

	private static final String PRIVATE_DATABASE = "failure_no_connect";

	/** The kinds the startup wait retries: nothing answered yet, or the server is starting or stopping. */
	private static final Set<ConnectionFailure> WAITING_CAN_HELP = EnumSet.of(ConnectionFailure.SERVER_NOT_READY,
			ConnectionFailure.HOST_UNKNOWN, ConnectionFailure.NO_ANSWER_IN_TIME, ConnectionFailure.CONNECTION_REFUSED,
			ConnectionFailure.CLOSED_WITHOUT_ANSWER);

	@TempDir
	static Path files;

	@BeforeAll
	static void makeTheServerRefuse() {
		String password = "'" + postgres.password().replace("'", "''") + "'";
		postgres.executeAsSuperuser("CREATE ROLE " + NOLOGIN_ROLE + " NOLOGIN PASSWORD " + password);
		postgres.executeAsSuperuser("CREATE ROLE " + LIMITED_ROLE + " LOGIN CONNECTION LIMIT 0 PASSWORD " + password);
		postgres.executeAsSuperuser("CREATE DATABASE " + CLOSED_DATABASE + " ALLOW_CONNECTIONS false");
		postgres.executeAsSuperuser("CREATE DATABASE " + LIMITED_DATABASE + " CONNECTION LIMIT 0");
		postgres.executeAsSuperuser("CREATE DATABASE " + PRIVATE_DATABASE);
		postgres.executeAsSuperuser("REVOKE CONNECT ON DATABASE " + PRIVATE_DATABASE + " FROM PUBLIC");
	}

	@AfterAll
	static void dropWhatWasMade() {
		for (String database : List.of(CLOSED_DATABASE, LIMITED_DATABASE, PRIVATE_DATABASE)) {
			postgres.executeAsSuperuser("DROP DATABASE " + database);
		}
		postgres.executeAsSuperuser("DROP ROLE " + NOLOGIN_ROLE + ", " + LIMITED_ROLE);
	}

	static Stream<Case> cases() {
		return Stream.of(testServerRefusals(), postmasterRefusals(), peersThatDoNotAnswer(), clientFiles(),
				clientCertificateAlerts())
			.flatMap((cases) -> cases);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void explainsTheRealCause(Case failure) throws Exception {
		Throwable thrown = failure.connect().call();
		assertThat(ConnectionFailure.of(thrown)).as("the kind of: %s", CauseChain.driverWords(thrown))
			.isEqualTo(failure.kind());
		assertThat(ConnectionFailure.isUnreachable(thrown)).as("whether the startup wait retries it")
			.isEqualTo(WAITING_CAN_HELP.contains(failure.kind()));
		FailureAnalysis analysis = analyze(failure.url(), thrown);
		assertThat(analysis.getDescription())
			.startsWith("Duality: " + failure.path() + " could not connect to PostgreSQL.")
			.contains("Problem:   " + failure.kind().problem())
			.contains("Tried:     ")
			.contains("Property:  spring.datasource.url");
		assertThat(analysis.getAction()).contains(failure.fixWords());
		assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(postgres.password())
			.doesNotContain(FakeServer.PASSWORD);
	}

	@Test
	void everyCauseHasATest() {
		assertThat(cases().map(Case::kind).collect(Collectors.toSet()))
			.containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ConnectionFailure.class));
	}

	@Test
	void saysWhenItDoesNotKnowAndQuotesTheDriver() {
		PSQLException failure = new PSQLException("The connection attempt failed.",
				PSQLState.CONNECTION_UNABLE_TO_CONNECT, new SocketException("Protocol family unavailable"));
		assertThat(ConnectionFailure.of(failure)).isEqualTo(ConnectionFailure.UNKNOWN);
		assertThat(analyze(postgres.databaseUrl(), failure).getDescription())
			.contains("Problem:   Duality does not know this failure")
			.contains("Cause:     The connection attempt failed. <- Protocol family unavailable");
	}

	/** The shared test server, made to refuse by roles and databases of this class, or not reached at all. */
	private static Stream<Case> testServerRefusals() {
		return Stream.of(
				onBothPaths(ConnectionFailure.PASSWORD_REFUSED, "percent-encode",
						postgres.databaseUrl().replace(TestPostgres.percentEncode(postgres.password()), "wrong")),
				onBothPaths(ConnectionFailure.HBA_REJECTS, "Ask the DBA which pg_hba.conf line rejects it",
						urlAs(postgres.roleRejectedByHba())),
				onBothPaths(ConnectionFailure.LOGIN_NOT_PERMITTED, "ALTER ROLE name LOGIN", urlAs(NOLOGIN_ROLE)),
				onBothPaths(ConnectionFailure.ROLE_CONNECTION_LIMIT, "ALTER ROLE name CONNECTION LIMIT",
						urlAs(LIMITED_ROLE)),
				onBothPaths(ConnectionFailure.DATABASE_CONNECTION_LIMIT, "ALTER DATABASE name CONNECTION LIMIT",
						postgres.databaseUrl(LIMITED_DATABASE)),
				onBothPaths(ConnectionFailure.DATABASE_NOT_ACCEPTING_CONNECTIONS, "ALLOW_CONNECTIONS true",
						postgres.databaseUrl(CLOSED_DATABASE)),
				onBothPaths(ConnectionFailure.CONNECT_PRIVILEGE_MISSING, "GRANT CONNECT ON DATABASE",
						postgres.databaseUrl(PRIVATE_DATABASE)),
				onBothPaths(ConnectionFailure.UNKNOWN_DATABASE, "CREATE DATABASE",
						postgres.databaseUrl("failure_no_such_database")),
				onBothPaths(ConnectionFailure.SERVER_CERTIFICATE_NOT_FOR_HOST, "a name the certificate lists",
						postgres.databaseUrl()
							.replace("@" + postgres.host() + ":", "@" + postgres.hostNotInCertificate() + ":")),
				onBothPaths(ConnectionFailure.SERVER_CERTIFICATE_UNTRUSTED, "name the CA certificate",
						postgres.databaseUrl()
							.replace(postgres.caCertificate().toAbsolutePath().toString(), foreignCa().toString())),
				onBothPaths(ConnectionFailure.CONNECTION_REFUSED, "listen_addresses",
						postgres.databaseUrl().replace(":" + postgres.port() + "/", ":" + closedPort() + "/")),
				onBothPaths(ConnectionFailure.HOST_UNKNOWN, "Check the host name",
						postgres.databaseUrl().replace("@" + postgres.host() + ":", "@db.duality.invalid:")))
			.flatMap((cases) -> cases);
	}

	/**
	 * The postmaster's own words (PostgreSQL 15 and 16: {@code postmaster.c}, {@code postinit.c}, {@code auth.c})
	 * for refusals the shared test server cannot give without disturbing the other tests, sent by a local socket.
	 */
	private static Stream<Case> postmasterRefusals() {
		return Stream.of(
				fromPostmaster(ConnectionFailure.SERVER_NOT_READY, "duality.startup.wait", "57P03",
						"the database system is starting up"),
				fromPostmaster(ConnectionFailure.SERVER_NOT_READY, "duality.startup.wait", "57P03",
						"the database system is shutting down"),
				fromPostmaster(ConnectionFailure.SERVER_NOT_READY, "connect to the primary", "57P03",
						"the database system is not accepting connections"),
				fromPostmaster(ConnectionFailure.SERVER_NOT_READY, "duality.startup.wait", "57P01",
						"terminating connection due to administrator command"),
				fromPostmaster(ConnectionFailure.SERVER_CONNECTION_LIMIT, "max_connections", "53300",
						"sorry, too many clients already"),
				fromPostmaster(ConnectionFailure.SERVER_CONNECTION_LIMIT, "max_connections", "53300",
						"remaining connection slots are reserved for non-replication superuser connections"),
				fromPostmaster(ConnectionFailure.SERVER_CONNECTION_LIMIT, "max_connections", "53300",
						"remaining connection slots are reserved for roles with the SUPERUSER attribute"),
				fromPostmaster(ConnectionFailure.TLS_REQUIRED_BY_SERVER, "sslmode=verify-full", "28000",
						"no pg_hba.conf entry for host \"10.0.0.1\", user \"app\", database \"shop\", no encryption"),
				fromPostmaster(ConnectionFailure.NO_HBA_ENTRY, "Ask the DBA for a pg_hba.conf line", "28000",
						"no pg_hba.conf entry for host \"10.0.0.1\", user \"app\", database \"shop\", SSL encryption"),
				fromPostmaster(ConnectionFailure.HBA_REJECTS, "Ask the DBA which pg_hba.conf line", "28000",
						"pg_hba.conf rejects connection for host \"10.0.0.1\", user \"app\", database \"shop\", no "
								+ "encryption"),
				fromPostmaster(ConnectionFailure.CLIENT_CERTIFICATE_MISSING, "sslcert and sslkey", "28000",
						"connection requires a valid client certificate"),
				fromPostmaster(ConnectionFailure.CLIENT_CERTIFICATE_NOT_FOR_USER, "issued to", "28000",
						"certificate authentication failed for user \"app\""),
				fromPostmaster(ConnectionFailure.ROLE_UNKNOWN, "CREATE ROLE name LOGIN", "28000",
						"role \"app\" does not exist"),
				fromPostmaster(ConnectionFailure.ACCESS_REFUSED, "ask the DBA", "28000",
						"LDAP authentication failed for user \"app\""))
			.flatMap((cases) -> cases);
	}

	/** Peers that never say a word of PostgreSQL, or say no to TLS. */
	private static Stream<Case> peersThatDoNotAnswer() {
		return Stream.of(
				fromPeer(ConnectionFailure.TLS_NOT_OFFERED, "Turn TLS on", FakeServer::decliningTls, "sslmode=require",
						true),
				fromPeer(ConnectionFailure.CLOSED_WITHOUT_ANSWER, "lead to PostgreSQL itself",
						FakeServer::closingAtOnce, "sslmode=disable", true),
				fromPeer(ConnectionFailure.CLOSED_WITHOUT_ANSWER, "lead to PostgreSQL itself",
						FakeServer::closingAtOnce, "sslmode=require", true),
				fromPeer(ConnectionFailure.NO_ANSWER_IN_TIME, "firewalls", FakeServer::notAccepting,
						"sslmode=disable&connect_timeout=1", true),
				// r2dbc has no timeout for a peer that takes the connection and says nothing; pgjdbc reads with one
				fromPeer(ConnectionFailure.NO_ANSWER_IN_TIME, "firewalls", FakeServer::neverAnswering,
						"sslmode=require&connect_timeout=1", false))
			.flatMap((cases) -> cases);
	}

	/**
	 * pgjdbc checks the key file's mode whether or not the server asks for a certificate: that failure is real. Its
	 * key managers keep any other failure to read the files and throw it after the handshake, as
	 * {@code CONNECTION_FAILURE} (08006), only when a server asks for a certificate: those are built with the words
	 * of {@code LazyKeyManager}, {@code PEMKeyManager} and {@code BaseX509KeyManager}.
	 */
	private static Stream<Case> clientFiles() {
		String url = postgres.databaseUrl();
		return Stream.of(
				new Case(ConnectionFailure.CLIENT_KEY_PERMISSIONS, "defaultMode: 0400", url, MIGRATION_PATH,
						ConnectionFailureTests::keyThatOthersCanRead),
				built(ConnectionFailure.CLIENT_KEY_OR_CERTIFICATE_UNREADABLE, "name the client certificate",
						MIGRATION_PATH, new PSQLException("Could not read SSL key file /etc/app/client.key.",
								PSQLState.CONNECTION_FAILURE, new IOException("Permission denied"))),
				built(ConnectionFailure.CLIENT_KEY_OR_CERTIFICATE_UNREADABLE, "name the client certificate",
						MIGRATION_PATH, new PSQLException("Could not decrypt SSL key file /etc/app/client.key.",
								PSQLState.CONNECTION_FAILURE, new InvalidKeySpecException("wrong password"))),
				built(ConnectionFailure.CLIENT_KEY_OR_CERTIFICATE_UNREADABLE, "name the client certificate",
						MIGRATION_PATH,
						new PSQLException("Could not load the private key", PSQLState.CONNECTION_FAILURE,
								new IllegalArgumentException("Illegal base64 character 2d"))),
				built(ConnectionFailure.CLIENT_KEY_OR_CERTIFICATE_UNREADABLE, "name the client certificate",
						MIGRATION_PATH,
						new PSQLException("Could not open SSL certificate file /etc/app/client.crt.",
								PSQLState.CONNECTION_FAILURE, new FileNotFoundException("/etc/app/client.crt"))),
				built(ConnectionFailure.CLIENT_KEY_OR_CERTIFICATE_UNREADABLE, "name the client certificate",
						MIGRATION_PATH,
						new PSQLException("Could not read permissions for private key file \"/etc/app/client.key\"",
								PSQLState.CONNECTION_FAILURE, new IOException("Permission denied"))));
	}

	/**
	 * The server's TLS alert about the client certificate, from OpenSSL's {@code ssl_x509err2alert}: {@code unknown_ca}
	 * for a CA not in {@code ssl_ca_file}, {@code certificate_expired}; {@code decrypt_error} for a handshake
	 * signature that the certificate's key did not make. With TLS 1.3 the client finishes its handshake before the
	 * server checks the certificate, so the alert comes at the first read: pgjdbc's {@code ConnectionFactoryImpl}
	 * wraps that IOException as "The connection attempt failed." (08001), its {@code MakeSSL} a failed TLS 1.2
	 * handshake as "SSL error: ..." (08006); r2dbc-postgresql's {@code ReactorNettyClient} as "An I/O error occurred
	 * while sending to the backend or receiving from the backend" (08006), its {@code PostgresqlConnectionFactory}
	 * a failed handshake as "Cannot connect to host:port" (08003). The JDK reports a received handshake alert as an
	 * SSLHandshakeException "Received fatal alert: name".
	 */
	private static Stream<Case> clientCertificateAlerts() {
		return Stream.of(alert(ConnectionFailure.CLIENT_CERTIFICATE_FROM_UNKNOWN_CA, "ssl_ca_file", "unknown_ca"),
				alert(ConnectionFailure.CLIENT_CERTIFICATE_EXPIRED, "Renew", "certificate_expired"),
				alert(ConnectionFailure.CLIENT_KEY_NOT_THE_CERTIFICATES, "as a pair", "decrypt_error"),
				alert(ConnectionFailure.CLIENT_CERTIFICATE_REFUSED, "issued for client authentication",
						"bad_certificate"),
				alert(ConnectionFailure.CLIENT_CERTIFICATE_REFUSED, "issued for client authentication",
						"certificate_revoked"),
				alert(ConnectionFailure.UNKNOWN, "the server's log", "handshake_failure"))
			.flatMap((cases) -> cases);
	}

	private static Stream<Case> onBothPaths(ConnectionFailure kind, String fixWords, String url) {
		return Stream.of(new Case(kind, fixWords, url, MIGRATION_PATH, () -> FirstConnection.failureOverJdbc(url)),
				new Case(kind, fixWords, url, APPLICATION_PATH, () -> FirstConnection.failureOverR2dbc(url)));
	}

	private static Stream<Case> fromPostmaster(ConnectionFailure kind, String fixWords, String sqlState,
			String message) {
		return fromPeer(kind, fixWords, () -> FakeServer.sendingError(sqlState, message), "sslmode=disable", true);
	}

	private static Stream<Case> fromPeer(ConnectionFailure kind, String fixWords, Callable<FakeServer> peer,
			String parameters, boolean overR2dbcToo) {
		// the analysis reads the URL the application was given; the peer's port is known only once it listens
		String url = "postgres://app:" + FakeServer.PASSWORD + "@127.0.0.1:5432/shop?" + parameters;
		Case overJdbc = new Case(kind, fixWords, url, MIGRATION_PATH, () -> {
			try (FakeServer server = peer.call()) {
				return FirstConnection.failureOverJdbc(server.url(parameters));
			}
		});
		Case overR2dbc = new Case(kind, fixWords, url, APPLICATION_PATH, () -> {
			try (FakeServer server = peer.call()) {
				return FirstConnection.failureOverR2dbc(server.url(parameters));
			}
		});
		return overR2dbcToo ? Stream.of(overJdbc, overR2dbc) : Stream.of(overJdbc);
	}

	private static Stream<Case> alert(ConnectionFailure kind, String fixWords, String alert) {
		String received = "Received fatal alert: " + alert;
		return Stream.of(
				built(kind, fixWords, MIGRATION_PATH, new PSQLException("The connection attempt failed.",
						PSQLState.CONNECTION_UNABLE_TO_CONNECT, new SSLHandshakeException(received))),
				built(kind, fixWords, MIGRATION_PATH, new PSQLException("SSL error: " + received,
						PSQLState.CONNECTION_FAILURE, new SSLHandshakeException(received))),
				built(kind, fixWords, APPLICATION_PATH,
						new R2dbcNonTransientResourceException(
								"An I/O error occurred while sending to the backend or receiving from the backend",
								"08006", 0, (String) null, new IOException(new SSLHandshakeException(received)))),
				built(kind, fixWords, APPLICATION_PATH, new R2dbcNonTransientResourceException(
						"Cannot connect to localhost:5432", "08003", 0, (String) null,
						new SSLHandshakeException(received))));
	}

	private static Case built(ConnectionFailure kind, String fixWords, String path, Throwable failure) {
		return new Case(kind, fixWords, postgres.databaseUrl(), path, () -> failure);
	}

	private static SQLException keyThatOthersCanRead() throws IOException, InterruptedException {
		Path key = files.resolve("client.key");
		Path certificate = files.resolve("client.crt");
		openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
				certificate.toString(), "-subj", "/CN=" + postgres.username(), "-days", "1");
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
		Properties properties = new Properties();
		properties.setProperty("user", postgres.username());
		properties.setProperty("password", postgres.password());
		properties.setProperty("sslmode", "verify-full");
		properties.setProperty("sslrootcert", postgres.caCertificate().toString());
		properties.setProperty("sslcert", certificate.toString());
		properties.setProperty("sslkey", key.toString());
		return FirstConnection.failureOverJdbc(
				"jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + postgres.database(), properties);
	}

	private static FailureAnalysis analyze(String url, Throwable failure) {
		return new DatabaseConnectionFailureAnalyzer(new MockEnvironment().withProperty("spring.datasource.url", url),
				null)
			.analyze(failure);
	}

	private static String urlAs(String role) {
		return postgres.databaseUrl()
			.replace("//" + TestPostgres.percentEncode(postgres.username()) + ":", "//" + role + ":");
	}

	/** A CA certificate of its own, which did not sign the test server's. */
	private static Path foreignCa() {
		try {
			Path ca = Files.createTempFile("foreign-ca", ".pem");
			ca.toFile().deleteOnExit();
			openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "/dev/null", "-out", ca.toString(),
					"-subj", "/CN=Foreign CA", "-days", "1");
			return ca;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void openssl(String... arguments) throws IOException, InterruptedException {
		Process openssl = new ProcessBuilder(Stream.concat(Stream.of("openssl"), Stream.of(arguments)).toList())
			.redirectErrorStream(true)
			.start();
		String output = new String(openssl.getInputStream().readAllBytes());
		assertThat(openssl.waitFor()).as(output).isZero();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One real failure: what it is, words its fix must hold, what was tried and on which path, and how to get it.
	 */
	record Case(ConnectionFailure kind, String fixWords, String url, String path, Callable<Throwable> connect) {

		@Override
		public String toString() {
			return this.kind + " on " + this.path + " (" + this.url.replaceAll("^.*@|\\?.*$", "") + ")";
		}

	}

}
