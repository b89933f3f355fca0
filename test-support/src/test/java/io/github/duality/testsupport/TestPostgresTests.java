package io.github.duality.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.SSLMode;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Smoke tests of the fixture: what every module's tests rely on.
 */
class TestPostgresTests {

	private static final String TLS_IN_USE = "select ssl from pg_stat_ssl where pid = pg_backend_pid()";

	private final TestPostgres postgres = TestPostgres.get();

	@Test
	void jdbcWithVerifyFullConnectsOverTlsAsTheApplicationRole() throws SQLException {
		try (Connection connection = connectOverJdbc(this.postgres.host(), this.postgres.password(), "verify-full")) {
			assertThat(queryValue(connection, TLS_IN_USE)).isEqualTo(true);
			assertThat(queryValue(connection, "select current_user")).isEqualTo(this.postgres.username());
			assertThat(queryValue(connection, "select current_database()")).isEqualTo(this.postgres.database());
		}
	}

	@Test
	void r2dbcWithVerifyFullConnectsOverTlsAsTheApplicationRole() {
		PostgresqlConnectionConfiguration configuration = PostgresqlConnectionConfiguration.builder()
			.host(this.postgres.host())
			.port(this.postgres.port())
			.username(this.postgres.username())
			.password(this.postgres.password())
			.database(this.postgres.database())
			.sslMode(SSLMode.VERIFY_FULL)
			.sslRootCert(this.postgres.caCertificate().toString())
			.build();
		Mono<Boolean> tlsInUse = Mono.usingWhen(new PostgresqlConnectionFactory(configuration).create(),
				(connection) -> connection.createStatement(TLS_IN_USE)
					.execute()
					.flatMap((result) -> result.map((row, metadata) -> row.get("ssl", Boolean.class)))
					.next(),
				PostgresqlConnection::close);
		assertThat(tlsInUse.block(Duration.ofSeconds(30))).isTrue();
	}

	@Test
	void sslModeDisableConnectsWithoutTlsButStillWithScram() throws SQLException {
		try (Connection connection = connectOverJdbc(this.postgres.host(), this.postgres.password(), "disable")) {
			assertThat(queryValue(connection, TLS_IN_USE)).isEqualTo(false);
			assertThat(queryValue(connection, "show password_encryption")).isEqualTo("scram-sha-256");
		}
		assertThat(this.postgres.queryAsSuperuser(
				"select rolpassword like 'SCRAM-SHA-256$%' as scram, rolsuper from pg_authid where rolname = ?",
				this.postgres.username()))
			.containsExactly(Map.of("scram", true, "rolsuper", false));
		assertThat(this.postgres
			.queryAsSuperuser("select distinct auth_method from pg_hba_file_rules where type like 'host%' "
					+ "and 'all' = any(user_name)"))
			.containsExactly(Map.of("auth_method", "scram-sha-256"));
	}

	@Test
	void wrongPasswordIsRefused() {
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> connectOverJdbc(this.postgres.host(), this.postgres.password() + "x", "verify-full"))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
	}

	@Test
	void theRoleRejectedByHbaIsRejectedWithTheRightPassword() {
		String role = this.postgres.roleRejectedByHba();
		Properties properties = new Properties();
		properties.setProperty("user", role);
		properties.setProperty("password", this.postgres.password());
		properties.setProperty("sslmode", "verify-full");
		properties.setProperty("sslrootcert", this.postgres.caCertificate().toString());
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://" + this.postgres.host() + ":"
					+ this.postgres.port() + "/" + this.postgres.database(), properties))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28000"))
			.withMessageContaining("pg_hba.conf rejects connection for host");
		assertThat(this.postgres.queryAsSuperuser("select rolcanlogin from pg_roles where rolname = ?", role))
			.containsExactly(Map.of("rolcanlogin", true));
	}

	@Test
	void verifyFullToHostNotInCertificateIsRefused() {
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> connectOverJdbc(this.postgres.hostNotInCertificate(), this.postgres.password(),
					"verify-full"))
			.withMessageContaining(this.postgres.hostNotInCertificate())
			.withMessageContaining("could not be verified");
	}

	@Test
	void hostNotInCertificateReachesTheSameServer() throws SQLException {
		try (Connection viaCertificateName = connectOverJdbc(this.postgres.host(), this.postgres.password(),
				"verify-full");
				Connection viaOtherAddress = connectOverJdbc(this.postgres.hostNotInCertificate(),
						this.postgres.password(), "require")) {
			assertThat(queryValue(viaOtherAddress, TLS_IN_USE)).isEqualTo(true);
			String startTime = "select pg_postmaster_start_time()";
			assertThat(queryValue(viaOtherAddress, startTime)).isEqualTo(queryValue(viaCertificateName, startTime));
		}
	}

	@Test
	void superuserWorksInTheApplicationDatabase() {
		this.postgres.executeAsSuperuser("create schema superuser_check; create table superuser_check.t (id int)");
		try {
			List<Map<String, Object>> owners = this.postgres.queryAsSuperuser(
					"select current_database() as database, pg_get_userbyid(datdba) as owner, nspowner::regrole::text"
							+ " as schema_owner from pg_database, pg_namespace"
							+ " where datname = current_database() and nspname = ?",
					"superuser_check");
			assertThat(owners).containsExactly(Map.of("database", this.postgres.database(), "owner",
					this.postgres.username(), "schema_owner", "postgres"));
		}
		finally {
			this.postgres.executeAsSuperuser("drop schema superuser_check cascade");
		}
	}

	@Test
	void getReturnsOneServerPerJvmAndDescribesItWithoutPasswords() {
		assertThat(TestPostgres.get()).isSameAs(this.postgres);
		assertThat(this.postgres.password()).isEqualTo("p@ss:w/rd?&=%+ #\u00e9");
		assertThat(this.postgres.describe()).contains(this.postgres.host() + ":" + this.postgres.port(),
				this.postgres.database(), this.postgres.username())
			.doesNotContain(this.postgres.password())
			.doesNotContainIgnoringCase("password");
	}

	private Connection connectOverJdbc(String host, String password, String sslMode) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.postgres.username());
		properties.setProperty("password", password);
		properties.setProperty("sslmode", sslMode);
		properties.setProperty("sslrootcert", this.postgres.caCertificate().toString());
		return DriverManager.getConnection(
				"jdbc:postgresql://" + host + ":" + this.postgres.port() + "/" + this.postgres.database(), properties);
	}

	private static Object queryValue(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
			assertThat(resultSet.next()).isTrue();
			return resultSet.getObject(1);
		}
	}

}
