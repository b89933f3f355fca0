package io.github.duality.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.Session;
import io.github.duality.testsupport.Peer;
import io.github.duality.testsupport.RequiresPeer;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.Driver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * libpq is the judge: the same input opened by {@code psql} and by both derived targets reaches the same session as
 * the server reports it (role, database, port, TLS, search_path, application_name, statement_timeout). Inputs in
 * the other forms state the same intent their own way and must reach psql's session too. Where psql fails to
 * connect, both targets fail; where libpq refuses an input, duality refuses it.
 */
@RequiresPeer(Peer.PSQL)
class LibpqDifferentialTests {

	private static final String SCHEMA = "duality_libpq";

	private static final String READ_ONLY_ROLE = "duality_read_only";

	/** The password of the roles this test creates; plain on purpose, the fixture's role has the hostile one. */
	private static final String ROLE_PASSWORD = "Differential-1";

	private static final String SESSION_QUERY = "select current_user::text, current_database()::text, "
			+ "inet_server_port()::text, coalesce((select ssl from pg_stat_ssl where pid = pg_backend_pid()), false)"
			+ "::text, current_setting('search_path'), current_setting('application_name'), "
			+ "current_setting('statement_timeout')";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static TestPostgres postgres;

	private static Psql psql;

	@TempDir
	static Path home;

	@BeforeAll
	static void fixture() {
		postgres = TestPostgres.get();
		psql = new Psql(Peer.PSQL.executable(), home);
		postgres.executeAsSuperuser("create schema if not exists " + SCHEMA + " authorization " + postgres.username());
		// libpq and pgjdbc connect as the operating-system user when the URL names none
		createRole(System.getProperty("user.name"), "");
		// a primary whose sessions default to read-only: libpq's primary and read-write disagree about it
		createRole(READ_ONLY_ROLE, " set default_transaction_read_only = on");
	}

	private static void createRole(String role, String settings) {
		String quoted = "\"" + role.replace("\"", "\"\"") + "\"";
		postgres.executeAsSuperuser("do $$ begin if not exists (select from pg_roles where rolname = '"
				+ role.replace("'", "''") + "') then create role " + quoted + " login password '" + ROLE_PASSWORD
				+ "'; end if; end $$");
		postgres.executeAsSuperuser("grant connect on database " + postgres.database() + " to " + quoted);
		if (!settings.isEmpty()) {
			postgres.executeAsSuperuser("alter role " + quoted + settings);
		}
	}

	static Stream<Intent> sameSession() throws IOException {
		String host = postgres.host();
		String otherAddress = postgres.hostNotInCertificate();
		List<Intent> intents = new ArrayList<>();
		for (String mode : List.of("disable", "allow", "prefer", "require")) {
			intents.add(new Intent("sslmode=" + mode, host, mode, false));
		}
		intents.add(new Intent("verify-ca", host, "verify-ca", true));
		intents.add(new Intent("verify-ca at an address the certificate does not name", otherAddress, "verify-ca",
				true));
		intents.add(new Intent("verify-full", host, "verify-full", true));
		intents.add(new Intent("application name", host, "require", false).applicationName("differential"));
		intents.add(new Intent("options", host, "require", false).options(SCHEMA, "5000"));
		intents.add(new Intent("everything", host, "verify-full", true).applicationName("all-of-it")
			.options(SCHEMA + ",public", "1500"));
		int closedPort = closedPort();
		intents.add(new Intent("two hosts, the first one down", "127.0.0.1:" + closedPort + "," + host + ":"
				+ postgres.port(), "require", false));
		intents.add(new Intent("read-write", host, "require", false).targetSessionAttrs("read-write"));
		return intents.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sameSession")
	void everyFormReachesPsqlsSession(Intent intent) throws Exception {
		Session judge = psql.session(intent.libpq());
		for (String url : intent.everyForm()) {
			assertSameSession(url, judge, intent.comparesApplicationName());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "verify-full at an address the certificate does not name", "read-only on a primary" })
	void wherePsqlCannotConnectNeitherTargetCan(String name) {
		Intent intent = name.startsWith("verify-full")
				? new Intent(name, postgres.hostNotInCertificate(), "verify-full", true)
				: new Intent(name, postgres.host(), "require", false).targetSessionAttrs("read-only");
		assertThatException().as("psql").isThrownBy(() -> psql.session(intent.libpq()));
		for (String url : intent.everyForm()) {
			DerivedConnection derived = DatabaseUrl.derive(url, null, null, home);
			assertThatException().as("JDBC for " + url).isThrownBy(() -> jdbcSession(derived.jdbc()));
			assertThatException().as("R2DBC for " + url).isThrownBy(() -> r2dbcSession(derived.r2dbc().options()));
		}
	}

	@Test
	void hostilePasswordInTheUserInfoAndAsAParameter() throws Exception {
		String base = postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?sslmode=require";
		String encoded = TestPostgres.percentEncode(postgres.password());
		String inUserInfo = "postgresql://" + postgres.username() + ":" + encoded + "@" + base;
		String asParameter = "postgres://" + base + "&user=" + postgres.username() + "&password=" + encoded;
		Session judge = psql.session(inUserInfo);
		assertThat(psql.session(asParameter)).isEqualTo(judge);
		assertSameSession(inUserInfo, judge, false);
		assertSameSession(asParameter, judge, false);
	}

	@Test
	void hostKeywordListWithPorts() throws Exception {
		String url = "postgresql://" + postgres.username() + ":" + TestPostgres.percentEncode(postgres.password())
				+ "@/" + postgres.database() + "?host=127.0.0.1," + postgres.host() + "&port=" + closedPort() + ","
				+ postgres.port() + "&sslmode=require";
		assertSameSession(url, psql.session(url), false);
	}

	@Test
	void noUserMeansTheOperatingSystemUser() throws Exception {
		String url = "postgresql://:" + ROLE_PASSWORD + "@" + postgres.host() + ":" + postgres.port() + "/"
				+ postgres.database() + "?sslmode=require";
		Session judge = psql.session(url);
		assertThat(judge.role()).isEqualTo(System.getProperty("user.name"));
		assertSameSession(url, judge, false);
		assertSameSession("jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + postgres.database()
				+ "?password=" + ROLE_PASSWORD + "&sslmode=require", judge, false);
	}

	@Test
	void readOnlyFindsTheReadOnlyPrimaryEverywhere() throws Exception {
		String url = readOnlyRoleUrl("read-only");
		Session judge = psql.session(url).withoutApplicationName();
		DerivedConnection derived = DatabaseUrl.derive(url, null, null, home);
		assertThat(jdbcSession(derived.jdbc()).withoutApplicationName()).isEqualTo(judge);
		assertThat(r2dbcSession(derived.r2dbc().options()).withoutApplicationName()).isEqualTo(judge);
		// migrations need a writable session, whatever the application reads from
		assertThatException().isThrownBy(() -> jdbcSession(derived.migrationJdbc()));
	}

	@Test
	void libpqPrimaryIsNotWhatTheJavaDriversCheckSoItIsRefused() throws Exception {
		// libpq accepts the read-only primary as primary; pgjdbc's and r2dbc's primary (a writable session) would not
		assertThat(psql.session(readOnlyRoleUrl("primary")).role()).isEqualTo(READ_ONLY_ROLE);
		assertThatException().isThrownBy(() -> psql.session(readOnlyRoleUrl("read-write")));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(readOnlyRoleUrl("primary"), null, null, home))
			.withMessageContaining("target_session_attrs=read-write");
		DerivedConnection readWrite = DatabaseUrl.derive(readOnlyRoleUrl("read-write"), null, null, home);
		assertThatException().isThrownBy(() -> jdbcSession(readWrite.jdbc()));
		assertThatException().isThrownBy(() -> r2dbcSession(readWrite.r2dbc().options()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "POSTGRES://{userinfo}@{server}", "postgresql://{userinfo}@{server}&sslmode=REQUIRE",
			"postgresql://{userinfo}@{server}&ssl=false", "postgresql://{userinfo}@{server}&ssl=1",
			"postgresql://{userinfo}@{server}&application_name=a=b", "postgresql://{userinfo}@{server}&sslmode",
			"postgresql://{userinfo}@{server}&sslmode=requir", "postgresql://{userinfo}@{server}&channel_binding=maybe",
			"postgresql://{userinfo}@{server}&target_session_attrs=Read-Write" })
	void whatLibpqRefusesIsRefused(String template) {
		String url = template.replace("{userinfo}",
				postgres.username() + ":" + TestPostgres.percentEncode(postgres.password()))
			.replace("{server}", postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?connect_timeout=10");
		assertThatExceptionOfType(PsqlException.class).isThrownBy(() -> psql.session(url));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null, home));
	}

	@Test
	void pgbouncerIsTheOneLibpqRefusalAcceptedOnPurpose() {
		String url = "postgresql://" + postgres.username() + ":" + TestPostgres.percentEncode(postgres.password())
				+ "@" + postgres.host() + ":" + postgres.port() + "/" + postgres.database() + "?pgbouncer=true";
		assertThatExceptionOfType(PsqlException.class).isThrownBy(() -> psql.session(url))
			.withMessageContaining("pgbouncer");
		assertThat(DatabaseUrl.derive(url, null, null, home).notes())
			.anyMatch((note) -> note.contains("libpq itself does not know the parameter"));
	}

	private static String readOnlyRoleUrl(String targetSessionAttrs) {
		return "postgresql://" + READ_ONLY_ROLE + ":" + ROLE_PASSWORD + "@" + postgres.host() + ":" + postgres.port()
				+ "/" + postgres.database() + "?sslmode=require&target_session_attrs=" + targetSessionAttrs;
	}

	private static void assertSameSession(String url, Session judge, boolean comparesApplicationName)
			throws SQLException {
		DerivedConnection derived = DatabaseUrl.derive(url, null, null, home);
		Session expected = comparesApplicationName ? judge : judge.withoutApplicationName();
		assertThat(shown(jdbcSession(derived.jdbc()), comparesApplicationName)).as("JDBC for " + url)
			.isEqualTo(expected);
		assertThat(shown(jdbcSession(derived.migrationJdbc()), comparesApplicationName)).as("migrations for " + url)
			.isEqualTo(expected);
		assertThat(shown(r2dbcSession(derived.r2dbc().options()), comparesApplicationName)).as("R2DBC for " + url)
			.isEqualTo(expected);
	}

	/** Without an application name in the input, each client reports its own default (psql, pgjdbc, r2dbc). */
	private static Session shown(Session session, boolean comparesApplicationName) {
		return comparesApplicationName ? session : session.withoutApplicationName();
	}

	/** A loopback port nothing listens on, for a host that refuses connections at once. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static Session jdbcSession(JdbcTarget target) throws SQLException {
		try (Connection connection = new Driver().connect(target.url(), target.properties());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(SESSION_QUERY)) {
			row.next();
			return new Session(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
					row.getString(5), row.getString(6), row.getString(7));
		}
	}

	private static Session r2dbcSession(ConnectionFactoryOptions options) {
		return Flux.usingWhen(ConnectionFactories.get(options).create(),
				(connection) -> Flux.from(connection.createStatement(SESSION_QUERY).execute())
					.flatMap((result) -> result.map((row, metadata) -> new Session(row.get(0, String.class),
							row.get(1, String.class), row.get(2, String.class), row.get(3, String.class),
							row.get(4, String.class), row.get(5, String.class), row.get(6, String.class)))),
				(connection) -> Mono.from(connection.close()))
			.single()
			.block(TIMEOUT);
	}

	/** What the server reports for one session. */
	record Session(String role, String database, String port, String ssl, String searchPath, String applicationName,
			String statementTimeout) {

		Session withoutApplicationName() {
			return new Session(this.role, this.database, this.port, this.ssl, this.searchPath, null,
					this.statementTimeout);
		}

	}

	/**
	 * One connection intent against the fixture, written in each input form: the libpq URI psql opens, the
	 * SQLAlchemy URL a psycopg2 application would hand libpq the same keywords with, and the pgjdbc and r2dbc URLs.
	 */
	static final class Intent {

		private final String name;

		private final String hosts;

		private final String sslMode;

		private final boolean rootCertificate;

		private String applicationName;

		private String searchPath;

		private String statementTimeout;

		private String targetSessionAttrs;

		Intent(String name, String hosts, String sslMode, boolean rootCertificate) {
			this.name = name;
			this.hosts = hosts.contains(":") ? hosts : hosts + ":" + postgres.port();
			this.sslMode = sslMode;
			this.rootCertificate = rootCertificate;
		}

		Intent applicationName(String applicationName) {
			this.applicationName = applicationName;
			return this;
		}

		Intent options(String searchPath, String statementTimeout) {
			this.searchPath = searchPath;
			this.statementTimeout = statementTimeout;
			return this;
		}

		Intent targetSessionAttrs(String targetSessionAttrs) {
			this.targetSessionAttrs = targetSessionAttrs;
			return this;
		}

		boolean comparesApplicationName() {
			return this.applicationName != null;
		}

		String libpq() {
			return "postgresql://" + userInfo() + "@" + this.hosts + "/" + postgres.database() + "?"
					+ libpqParameters();
		}

		List<String> everyForm() {
			List<String> forms = new ArrayList<>();
			forms.add(libpq());
			forms.add("postgres://" + userInfo() + "@" + this.hosts + "/" + postgres.database() + "?"
					+ libpqParameters());
			forms.add("postgresql+psycopg2://" + userInfo() + "@" + this.hosts + "/" + postgres.database() + "?"
					+ libpqParameters());
			forms.add(pgjdbc());
			forms.add(r2dbc());
			return forms;
		}

		private String libpqParameters() {
			StringBuilder parameters = new StringBuilder("sslmode=" + this.sslMode);
			if (this.rootCertificate) {
				parameters.append("&sslrootcert=").append(postgres.caCertificate());
			}
			if (this.applicationName != null) {
				parameters.append("&application_name=").append(this.applicationName);
			}
			if (this.searchPath != null) {
				parameters.append("&options=")
					.append(TestPostgres.percentEncode("-c search_path=" + this.searchPath + " -c statement_timeout="
							+ this.statementTimeout));
			}
			if (this.targetSessionAttrs != null) {
				parameters.append("&target_session_attrs=").append(this.targetSessionAttrs);
			}
			return parameters.toString();
		}

		private String pgjdbc() {
			StringBuilder url = new StringBuilder("jdbc:postgresql://" + this.hosts + "/" + postgres.database()
					+ "?user=" + postgres.username() + "&password=" + TestPostgres.percentEncode(postgres.password())
					+ "&sslmode=" + this.sslMode);
			if (this.rootCertificate) {
				url.append("&sslrootcert=").append(postgres.caCertificate());
			}
			if (this.applicationName != null) {
				url.append("&ApplicationName=").append(this.applicationName);
			}
			if (this.searchPath != null) {
				url.append("&options=")
					.append(TestPostgres.percentEncode("-c search_path=" + this.searchPath + " -c statement_timeout="
							+ this.statementTimeout));
			}
			if (this.targetSessionAttrs != null) {
				url.append("&targetServerType=").append(this.targetSessionAttrs.equals("read-write") ? "primary"
						: "secondary");
			}
			return url.toString();
		}

		private String r2dbc() {
			boolean failover = this.hosts.contains(",") || this.targetSessionAttrs != null;
			StringBuilder url = new StringBuilder("r2dbc:postgresql:" + (failover ? "failover:" : "") + "//"
					+ userInfo() + "@" + this.hosts + "/" + postgres.database() + "?sslMode=" + this.sslMode);
			if (this.rootCertificate) {
				url.append("&sslRootCert=").append(postgres.caCertificate());
			}
			if (this.applicationName != null) {
				url.append("&applicationName=").append(this.applicationName);
			}
			if (this.searchPath != null) {
				url.append("&options=")
					.append(TestPostgres.percentEncode("search_path=" + this.searchPath + ";statement_timeout="
							+ this.statementTimeout));
			}
			if (this.targetSessionAttrs != null) {
				url.append("&targetServerType=").append(this.targetSessionAttrs.equals("read-write") ? "primary"
						: "secondary");
			}
			return url.toString();
		}

		private static String userInfo() {
			return postgres.username() + ":" + TestPostgres.percentEncode(postgres.password());
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** psql's failure to connect or to read the URL, with its own message (which never holds the password). */
	static final class PsqlException extends Exception {

		PsqlException(String message) {
			super(message);
		}

	}

	/**
	 * Runs psql isolated from this machine's libpq defaults: no PG* variables, a home without {@code .postgresql/}
	 * or {@code .pgpass}, messages in English, never a password prompt.
	 */
	static final class Psql {

		private static final String FIELD_SEPARATOR = "\u001f";

		private final Path executable;

		private final Path home;

		Psql(Path executable, Path home) {
			this.executable = executable;
			this.home = home;
		}

		Session session(String url) throws PsqlException, IOException, InterruptedException {
			ProcessBuilder builder = new ProcessBuilder(this.executable.toString(), "-X", "-w", "-A", "-t", "-F",
					FIELD_SEPARATOR, "-c", SESSION_QUERY, "-d", url);
			builder.environment().keySet().removeIf((name) -> name.startsWith("PG"));
			builder.environment().put("HOME", this.home.toString());
			builder.environment().put("LC_ALL", "C");
			builder.environment().put("PGCONNECT_TIMEOUT", "20");
			Path errors = Files.createTempFile(this.home, "psql", ".err");
			builder.redirectError(errors.toFile());
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes()).strip();
			if (!process.waitFor(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new PsqlException("psql did not finish in " + TIMEOUT);
			}
			if (process.exitValue() != 0) {
				throw new PsqlException(Files.readString(errors).strip());
			}
			String[] fields = output.split(FIELD_SEPARATOR, -1);
			assertThat(fields).as("psql output").hasSize(7);
			return new Session(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
		}

	}

}
