package io.github.duality.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.duality.core.model.Session;
import io.github.duality.core.model.SslMode;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.Driver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Both targets of one URL, opened against a real PostgreSQL: the server sees the same role, database, schema,
 * application name and TLS on each path, for every input form and TLS mode, with a password hostile to URLs.
 */
class LiveConnectionTests {

	private static final String SCHEMA = "duality_live";

	private static final String SESSION_QUERY = "select current_user as role, current_database() as database, "
			+ "current_schema() as schema, current_setting('application_name') as application, "
			+ "(select ssl from pg_stat_ssl where pid = pg_backend_pid()) as ssl";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	/** pgjdbc's own verifier and the JDK's endpoint identification (used by r2dbc) say it differently. */
	private static final String HOST_NOT_VERIFIED = "(?i)hostname .* could not be verified|no subject alternative "
			+ "names? matching";

	private static TestPostgres postgres;

	@TempDir
	static Path home;

	@BeforeAll
	static void schema() {
		postgres = TestPostgres.get();
		postgres.executeAsSuperuser("create schema if not exists " + SCHEMA + " authorization " + postgres.username());
	}

	static Stream<Arguments> matrix() {
		List<Arguments> matrix = new ArrayList<>();
		for (Form form : Form.values()) {
			for (SslMode mode : List.of(SslMode.DISABLE, SslMode.PREFER, SslMode.REQUIRE, SslMode.VERIFY_FULL)) {
				matrix.add(Arguments.of(form, mode));
			}
		}
		return matrix.stream();
	}

	@ParameterizedTest(name = "{0} sslmode={1}")
	@MethodSource("matrix")
	void bothPathsReachTheSameSession(Form form, SslMode mode) throws SQLException {
		String applicationName = "live-" + form.name().toLowerCase(Locale.ROOT) + "-" + mode.libpqName();
		DerivedConnection derived = DatabaseUrl.derive(form.url(postgres.host(), mode, applicationName, true), null,
				null, home);
		Session expected = new Session(postgres.username(), postgres.database(), SCHEMA, applicationName,
				mode != SslMode.DISABLE);
		assertThat(jdbcSession(derived.jdbc())).isEqualTo(expected);
		assertThat(jdbcSession(derived.migrationJdbc())).isEqualTo(expected);
		assertThat(r2dbcSession(derived.r2dbc().options())).isEqualTo(expected);
	}

	@ParameterizedTest
	@EnumSource(Form.class)
	void passwordAsArgument(Form form) throws SQLException {
		DerivedConnection derived = DatabaseUrl.derive(form.url(postgres.host(), SslMode.REQUIRE, "argument", false),
				null, postgres.password(), home);
		Session expected = new Session(postgres.username(), postgres.database(), SCHEMA, "argument", true);
		assertThat(jdbcSession(derived.jdbc())).isEqualTo(expected);
		assertThat(r2dbcSession(derived.r2dbc().options())).isEqualTo(expected);
	}

	@ParameterizedTest
	@EnumSource(Form.class)
	void verifyFullAgainstAHostNotInTheCertificateFailsOnBothPaths(Form form) throws SQLException {
		DerivedConnection require = DatabaseUrl.derive(
				form.url(postgres.hostNotInCertificate(), SslMode.REQUIRE, "mismatch", true), null, null, home);
		assertThat(jdbcSession(require.jdbc()).ssl()).isTrue();
		assertThat(r2dbcSession(require.r2dbc().options()).ssl()).isTrue();
		DerivedConnection verifyFull = DatabaseUrl.derive(
				form.url(postgres.hostNotInCertificate(), SslMode.VERIFY_FULL, "mismatch", true), null, null, home);
		assertThatException().isThrownBy(() -> jdbcSession(verifyFull.jdbc()))
			.satisfies((ex) -> assertThat(causes(ex)).containsPattern(HOST_NOT_VERIFIED));
		assertThatException().isThrownBy(() -> r2dbcSession(verifyFull.r2dbc().options()))
			.satisfies((ex) -> assertThat(causes(ex)).containsPattern(HOST_NOT_VERIFIED));
	}

	@ParameterizedTest
	@EnumSource(Form.class)
	void verifyCaToAnAddressTheCertificateDoesNotNameWorksOnBothPaths(Form form) throws SQLException {
		// libpq and pgjdbc check the chain only; r2dbc on Netty 4.2 would check the name too unless told not to
		DerivedConnection derived = DatabaseUrl.derive(
				form.url(postgres.hostNotInCertificate(), SslMode.VERIFY_CA, "verify-ca", true), null, null, home);
		Session expected = new Session(postgres.username(), postgres.database(), SCHEMA, "verify-ca", true);
		assertThat(jdbcSession(derived.jdbc())).isEqualTo(expected);
		assertThat(r2dbcSession(derived.r2dbc().options())).isEqualTo(expected);
	}

	@Test
	void verifyCaStillChecksTheCertificateChainOnBothPaths() {
		DerivedConnection derived = DatabaseUrl.derive("r2dbc:postgresql://" + postgres.username() + ":"
				+ TestPostgres.percentEncode(postgres.password()) + "@" + postgres.hostNotInCertificate() + ":"
				+ postgres.port() + "/" + postgres.database() + "?sslMode=verify-ca", null, null, home);
		assertThatException().isThrownBy(() -> jdbcSession(derived.jdbc()))
			.satisfies((ex) -> assertThat(causes(ex)).contains("PKIX"));
		assertThatException().isThrownBy(() -> r2dbcSession(derived.r2dbc().options()))
			.satisfies((ex) -> assertThat(causes(ex)).contains("PKIX"));
	}

	@Test
	void verifyFullWithoutTheFixtureCaFailsOnBothPathsAlike() {
		// r2dbc would trust the JDK's store; pgjdbc is told to do the same, and neither knows the per-run CA
		DerivedConnection derived = DatabaseUrl.derive("r2dbc:postgresql://" + postgres.username() + ":"
				+ TestPostgres.percentEncode(postgres.password()) + "@" + postgres.host() + ":" + postgres.port() + "/"
				+ postgres.database() + "?sslMode=verify-full", null, null, home);
		assertThatException().isThrownBy(() -> jdbcSession(derived.jdbc()))
			.satisfies((ex) -> assertThat(causes(ex)).contains("PKIX"));
		assertThatException().isThrownBy(() -> r2dbcSession(derived.r2dbc().options()))
			.satisfies((ex) -> assertThat(causes(ex)).contains("PKIX"));
	}

	/** Every message of an exception's cause chain, where the drivers put the TLS failure. */
	private static String causes(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause).append('\n');
		}
		return messages.toString();
	}

	private static Session jdbcSession(JdbcTarget target) throws SQLException {
		try (Connection connection = new Driver().connect(target.url(), target.properties());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(SESSION_QUERY)) {
			row.next();
			return new Session(row.getString("role"), row.getString("database"), row.getString("schema"),
					row.getString("application"), row.getBoolean("ssl"));
		}
	}

	private static Session r2dbcSession(ConnectionFactoryOptions options) {
		return Flux.usingWhen(ConnectionFactories.get(options).create(),
				(connection) -> Flux.from(connection.createStatement(SESSION_QUERY).execute())
					.flatMap((result) -> result.map((row, metadata) -> new Session(row.get("role", String.class),
							row.get("database", String.class), row.get("schema", String.class),
							row.get("application", String.class), row.get("ssl", Boolean.class)))),
				(connection) -> Mono.from(connection.close()))
			.single()
			.block(TIMEOUT);
	}

	record Session(String role, String database, String schema, String applicationName, boolean ssl) {
	}

	/** The four input families, each writing the same intent its own way. */
	enum Form {

		PGJDBC {
			@Override
			String url(String host, String sslMode, String schema, String applicationName, String rootCert,
					String password) {
				return "jdbc:postgresql://" + host + ":" + postgres.port() + "/" + postgres.database() + "?user="
						+ postgres.username() + ((password != null) ? "&password=" + TestPostgres.percentEncode(password) : "")
						+ "&sslmode=" + sslMode + "&currentSchema=" + schema + "&ApplicationName=" + applicationName
						+ ((rootCert != null) ? "&sslrootcert=" + rootCert : "");
			}
		},

		LIBPQ {
			@Override
			String url(String host, String sslMode, String schema, String applicationName, String rootCert,
					String password) {
				return "postgres://" + userInfo(password) + "@" + host + ":" + postgres.port() + "/"
						+ postgres.database() + "?sslmode=" + sslMode + "&options=-c%20search_path%3D" + schema
						+ "&application_name=" + applicationName + ((rootCert != null) ? "&sslrootcert=" + rootCert : "");
			}
		},

		ASYNCPG {
			@Override
			String url(String host, String sslMode, String schema, String applicationName, String rootCert,
					String password) {
				return "postgresql+asyncpg://" + userInfo(password) + "@" + host + ":" + postgres.port() + "/"
						+ postgres.database() + "?ssl=" + sslMode + "&options=-c%20search_path%3D" + schema
						+ "&application_name=" + applicationName + ((rootCert != null) ? "&sslrootcert=" + rootCert : "");
			}
		},

		R2DBC {
			@Override
			String url(String host, String sslMode, String schema, String applicationName, String rootCert,
					String password) {
				return "r2dbc:postgresql://" + userInfo(password) + "@" + host + ":" + postgres.port() + "/"
						+ postgres.database() + "?sslMode=" + sslMode + "&schema=" + schema + "&applicationName="
						+ applicationName + ((rootCert != null) ? "&sslRootCert=" + rootCert : "");
			}
		};

		String url(String host, SslMode sslMode, String applicationName, boolean passwordInUrl) {
			String rootCert = sslMode.verifiesCertificate() ? postgres.caCertificate().toString() : null;
			return url(host, sslMode.libpqName(), SCHEMA, applicationName, rootCert,
					passwordInUrl ? postgres.password() : null);
		}

		abstract String url(String host, String sslMode, String schema, String applicationName, String rootCert,
				String password);

		private static String userInfo(String password) {
			return postgres.username() + ((password != null) ? ":" + TestPostgres.percentEncode(password) : "");
		}

	}

}
