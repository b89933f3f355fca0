package io.github.duality.testsupport;

import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * A real, production-like PostgreSQL for tests, started once per JVM: TLS on with a certificate from a per-run CA,
 * scram-sha-256 for every TCP connection, and an application role that owns its database and has a URL-hostile
 * password.
 * <p>
 * Provisioned by the first provider that can run a server here, in the order {@code docker,local,maven} or the one
 * the system property {@code duality.test.postgres} gives: Testcontainers when a Docker engine answers, the
 * PostgreSQL server binaries installed on this machine, or those of the Maven artifact the build downloaded. Tests
 * fail (never skip) when none can.
 */
public final class TestPostgres {

	private static final System.Logger logger = System.getLogger(TestPostgres.class.getName());

	private static final String DATABASE = "duality";

	private static final String USERNAME = "duality_app";

	// every character that needs escaping somewhere in a URL, plus a non-ASCII one that SCRAM normalizes
	private static final String PASSWORD = "p@ss:w/rd?&=%+ #é";

	private static TestPostgres instance;

	private static RuntimeException startFailure;

	private final ProvisionedServer server;

	private final String serverVersion;

	// only for a dedicated server: the shared one must never go down under the other tests of the JVM
	private final LocalPostgres control;

	private TestPostgres(ProvisionedServer server, String serverVersion) {
		this(server, serverVersion, null);
	}

	private TestPostgres(ProvisionedServer server, String serverVersion, LocalPostgres control) {
		this.server = server;
		this.serverVersion = serverVersion;
		this.control = control;
	}

	/**
	 * The JVM's test PostgreSQL, started on the first call.
	 * @return the running server
	 * @throws IllegalStateException if it cannot be started (again on every call, without retrying)
	 */
	public static synchronized TestPostgres get() {
		if (instance == null && startFailure == null) {
			try {
				instance = start();
			}
			catch (RuntimeException ex) {
				startFailure = ex;
			}
		}
		if (startFailure != null) {
			throw new IllegalStateException(startFailure.getMessage(), startFailure);
		}
		return instance;
	}

	/**
	 * Whether a Docker engine answers Testcontainers, for tests that need a container of their own. Never hangs nor
	 * throws; Testcontainers logs why when it finds none.
	 * @return {@code true} if Testcontainers can use Docker
	 */
	public static boolean dockerEngineAnswers() {
		return ContainerPostgres.dockerAnswers();
	}

	/**
	 * A new server of its own, configured like {@link #get()}'s, that the caller may stop, start and restart
	 * without disturbing the other tests of the JVM. Made from server binaries, installed or the Maven artifact's, in
	 * the providers' order (a container would come back on another port).
	 * @return the running server; {@link #destroy()} it when done, or it is deleted at JVM exit
	 * @throws IllegalStateException if there are no server binaries or the server does not start
	 */
	public static TestPostgres dedicated() {
		return dedicated(ProviderOrder.fromSystemProperty());
	}

	/** {@link #dedicated()} from the first provider in the given order that has server binaries here. */
	static TestPostgres dedicated(ProviderOrder order) {
		LocalPostgres control = order.without(Provider.DOCKER)
			.first(TestPostgres::binaries, "a dedicated, restartable server (server binaries, never a container)");
		ProvisionedServer server = control.start();
		TestPostgres postgres = new TestPostgres(server, createApplicationDatabase(server), control);
		logger.log(Level.INFO, () -> "Dedicated test PostgreSQL ready: " + postgres.describe());
		return postgres;
	}

	/**
	 * {@code pg_ctl restart -m fast} of a {@link #dedicated()} server: every session is ended.
	 * @throws IllegalStateException for the shared server, or if the restart fails
	 */
	public void restart() {
		control().restartFast();
	}

	/**
	 * {@code pg_ctl stop -m fast} of a {@link #dedicated()} server; returns once it is down.
	 * @throws IllegalStateException for the shared server, or if the stop fails
	 */
	public void stop() {
		control().stopFast();
	}

	/**
	 * Starts a {@link #stop() stopped} {@link #dedicated()} server; returns once it accepts connections.
	 * @throws IllegalStateException for the shared server, or if the start fails
	 */
	public void startAgain() {
		control().startAgain();
	}

	/**
	 * Stops a {@link #dedicated()} server and deletes its files now rather than at JVM exit.
	 * @throws IllegalStateException for the shared server
	 */
	public void destroy() {
		control().destroy();
	}

	private LocalPostgres control() {
		if (this.control == null) {
			throw new IllegalStateException("Only a TestPostgres.dedicated() server can be stopped or restarted");
		}
		return this.control;
	}

	/**
	 * Create another database owned by {@link #username()}, for a test that needs an empty one.
	 * @param name a lower-case SQL identifier
	 */
	public void createDatabase(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain lower-case identifier: " + name);
		}
		try (Connection connection = this.server.connectAsSuperuser("postgres");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " OWNER " + USERNAME + " ENCODING 'UTF8'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * A role with {@link #password()} that {@code pg_hba.conf} rejects from every address before any password is
	 * asked, as a DBA's {@code host all <role> all reject} line does; created on the first call.
	 * @return the role name
	 */
	public synchronized String roleRejectedByHba() {
		String role = ServerConfiguration.ROLE_REJECTED_BY_HBA;
		if (queryAsSuperuser("select 1 from pg_roles where rolname = ?", role).isEmpty()) {
			executeAsSuperuser("CREATE ROLE " + role + " LOGIN PASSWORD " + quoted(PASSWORD));
		}
		return role;
	}

	/**
	 * A host name that the server certificate covers.
	 * @return the host, normally {@code localhost}
	 */
	public String host() {
		return this.server.host();
	}

	/**
	 * The TCP port, the same on {@link #host()} and {@link #hostNotInCertificate()}.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * The application database, owned by {@link #username()}.
	 * @return the database name
	 */
	public String database() {
		return DATABASE;
	}

	/**
	 * The application role: not a superuser, owner of {@link #database()}.
	 * @return the role name
	 */
	public String username() {
		return USERNAME;
	}

	/**
	 * The application role's password, {@code p@ss:w/rd?&=%+ #é}: hostile to URLs on purpose.
	 * @return the password
	 */
	public String password() {
		return PASSWORD;
	}

	/**
	 * The CA this server checks client certificates against, to issue certificates for
	 * {@link ClientCertificates#ROLE}, whom the server admits by certificate alone.
	 * @return the client CA
	 */
	public ClientCertificates clientCertificates() {
		return this.server.clientCertificates();
	}

	/**
	 * The CA that signed the server certificate, generated for this run.
	 * @return a PEM file
	 */
	public Path caCertificate() {
		return this.server.caCertificate();
	}

	/**
	 * This server as a {@code DATABASE_URL}: a libpq URI with the percent-encoded credentials of the application role
	 * and TLS verified against {@link #caCertificate()}.
	 * @return {@code postgres://role:password@host:port/database?sslmode=verify-full&sslrootcert=ca}
	 */
	public String databaseUrl() {
		return databaseUrl(database());
	}

	/**
	 * {@link #databaseUrl()} for another database of this server, e.g. one made with {@link #createDatabase}.
	 * @param database the database name
	 * @return {@code postgres://role:password@host:port/database?sslmode=verify-full&sslrootcert=ca}
	 */
	public String databaseUrl(String database) {
		return "postgres://" + percentEncode(username()) + ":" + percentEncode(password()) + "@" + host() + ":" + port()
				+ "/" + database + "?sslmode=verify-full&sslrootcert="
				+ percentEncode(caCertificate().toAbsolutePath().toString()).replace("%2F", "/");
	}

	/**
	 * Percent-encoding as libpq decodes it. {@link URLEncoder} is form encoding, and its {@code +} for a space
	 * would read as a literal {@code +} under libpq's rules.
	 * @param value any text
	 * @return the text with every reserved and non-ASCII character written as {@code %XX}
	 */
	public static String percentEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * An address of this same server that its certificate does not cover: {@code sslmode=verify-full} fails there,
	 * {@code sslmode=require} works.
	 * @return an IP address
	 */
	public String hostNotInCertificate() {
		return this.server.hostNotInCertificate();
	}

	/**
	 * Open a pgjdbc connection as the application role, TLS verified against {@link #caCertificate()}, for a test
	 * that plays a migration tool or another instance over JDBC.
	 * @param database the database to connect to, e.g. {@link #database()} or one made with {@link #createDatabase}
	 * @return a new connection, the caller's to close
	 * @throws SQLException if the connection fails
	 */
	public Connection connect(String database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", USERNAME);
		properties.setProperty("password", PASSWORD);
		properties.setProperty("sslmode", "verify-full");
		properties.setProperty("sslrootcert", caCertificate().toString());
		return DriverManager.getConnection("jdbc:postgresql://" + host() + ":" + port() + "/" + database, properties);
	}

	/**
	 * Run a query as the superuser in {@link #database()}, over JDBC.
	 * @param sql the query, with {@code ?} placeholders
	 * @param params the placeholders' values
	 * @return the rows, each mapping column labels to values
	 */
	public List<Map<String, Object>> queryAsSuperuser(String sql, Object... params) {
		return queryAsSuperuserIn(DATABASE, sql, params);
	}

	/**
	 * Run a query as the superuser in another database of this server, over JDBC.
	 * @param database the database to connect to
	 * @param sql the query, with {@code ?} placeholders
	 * @param params the placeholders' values
	 * @return the rows, each mapping column labels to values
	 */
	public List<Map<String, Object>> queryAsSuperuserIn(String database, String sql, Object... params) {
		try (Connection connection = this.server.connectAsSuperuser(database);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			try (ResultSet resultSet = statement.executeQuery()) {
				return rows(resultSet);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query as superuser failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Advisory locks held in a database, by any session: none should be left once migrations are over.
	 * @param database the database
	 * @return how many are held
	 */
	public long advisoryLocksHeldIn(String database) {
		return ((Number) queryAsSuperuserIn(database, "select count(*) as locks from pg_locks where locktype = "
				+ "'advisory' and database = (select oid from pg_database where datname = current_database())")
			.get(0)
			.get("locks")).longValue();
	}

	/**
	 * Run statements as the superuser in {@link #database()}, over JDBC, outside of a transaction.
	 * @param sql one or more statements
	 */
	public void executeAsSuperuser(String sql) {
		try (Connection connection = this.server.connectAsSuperuser(DATABASE);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Statement as superuser failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * How this server was provisioned and where it is; never contains a password.
	 * @return a one-line description
	 */
	public String describe() {
		return "PostgreSQL " + this.serverVersion + " from " + this.server.provisioning() + " at " + host() + ":"
				+ port() + ", database " + DATABASE + ", role " + USERNAME + ", TLS with per-run CA "
				+ caCertificate() + ", scram-sha-256";
	}

	@Override
	public String toString() {
		return describe();
	}

	private static TestPostgres start() {
		long startedAt = System.nanoTime();
		ProvisionedServer server = provision();
		TestPostgres postgres = new TestPostgres(server, createApplicationDatabase(server));
		logger.log(Level.INFO, () -> "Test PostgreSQL ready in " + (System.nanoTime() - startedAt) / 1_000_000
				+ " ms: " + postgres.describe());
		return postgres;
	}

	private static ProvisionedServer provision() {
		Supplier<ProvisionedServer> start = ProviderOrder.fromSystemProperty().first((provider) -> {
			if (provider == Provider.DOCKER) {
				return ContainerPostgres.dockerAnswers() ? Optional.of(ContainerPostgres::start) : Optional.empty();
			}
			return binaries(provider).map((cluster) -> cluster::start);
		}, "the tests");
		return start.get();
	}

	/** A cluster to make with the binaries a provider has on this machine, if it has any. */
	private static Optional<LocalPostgres> binaries(Provider provider) {
		return switch (provider) {
			case LOCAL -> ServerBinaries.find().map((directory) -> LocalPostgres.of(directory, "local binaries"));
			case MAVEN -> ArtifactBinaries.onClasspath(TestPostgres.class.getClassLoader())
				.map((artifact) -> LocalPostgres.of(artifact.unpackedInto(ArtifactBinaries.defaultCache()),
						"Maven artifact " + artifact.coordinates() + ", unpacked"));
			case DOCKER -> Optional.empty();
		};
	}

	/**
	 * Create the application role and its database.
	 * @return the server version
	 */
	private static String createApplicationDatabase(ProvisionedServer server) {
		try (Connection connection = server.connectAsSuperuser("postgres");
				Statement statement = connection.createStatement()) {
			// CREATE ROLE takes no bind parameters: a quoted literal, never a format string (the password has '%')
			statement.execute("CREATE ROLE " + USERNAME + " LOGIN PASSWORD " + quoted(PASSWORD));
			statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USERNAME + " ENCODING 'UTF8'");
			// no password: pg_hba.conf lets it in by its client certificate only; a member of the application role,
			// so that it may migrate the application's databases
			statement.execute("CREATE ROLE " + ClientCertificates.ROLE + " LOGIN IN ROLE " + USERNAME);
			try (ResultSet version = statement.executeQuery("SHOW server_version")) {
				version.next();
				return version.getString(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the application role and database in the test "
					+ "PostgreSQL (" + server + "): " + ex.getMessage(), ex);
		}
	}

	// standard_conforming_strings is on: only quotes need escaping
	private static String quoted(String literal) {
		return "'" + literal.replace("'", "''") + "'";
	}

	private static List<Map<String, Object>> rows(ResultSet resultSet) throws SQLException {
		ResultSetMetaData metaData = resultSet.getMetaData();
		List<Map<String, Object>> rows = new ArrayList<>();
		while (resultSet.next()) {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int column = 1; column <= metaData.getColumnCount(); column++) {
				row.put(metaData.getColumnLabel(column), resultSet.getObject(column));
			}
			rows.add(row);
		}
		return rows;
	}

}
