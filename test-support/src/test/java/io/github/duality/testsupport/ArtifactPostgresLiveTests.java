package io.github.duality.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A server from the Maven artifact's binaries, whatever provider the JVM's shared server came from: set up like the
 * others (TLS from the per-run CA, scram-sha-256, the URL-hostile password) and, as root, run by the server account.
 */
class ArtifactPostgresLiveTests {

	private static final ArtifactBinaries ARTIFACT = ArtifactBinaries
		.onClasspath(ArtifactPostgresLiveTests.class.getClassLoader())
		.orElseThrow();

	private static TestPostgres postgres;

	@BeforeAll
	static void startFromTheArtifact() {
		postgres = TestPostgres.dedicated(new ProviderOrder(List.of(Provider.MAVEN)));
	}

	@AfterAll
	static void destroy() {
		postgres.destroy();
	}

	@Test
	void servesTheArtifactsVersionOverVerifiedTlsToTheApplicationRole() throws SQLException {
		try (Connection connection = connect(postgres.password())) {
			assertThat(queryValue(connection, "select ssl from pg_stat_ssl where pid = pg_backend_pid()"))
				.isEqualTo(true);
			assertThat(queryValue(connection, "select current_user")).isEqualTo("duality_app");
			// 17.6.0 packs PostgreSQL 17.6
			assertThat(queryValue(connection, "show server_version"))
				.isEqualTo(ARTIFACT.version().substring(0, ARTIFACT.version().lastIndexOf('.')));
		}
		assertThat(postgres.describe()).contains("from Maven artifact " + ARTIFACT.coordinates());
	}

	@Test
	void everyTcpConnectionAuthenticatesWithScram() {
		// the fixture's two dedicated roles aside: one rejected, one admitted by its client certificate
		assertThat(postgres.queryAsSuperuser(
				"select distinct auth_method from pg_hba_file_rules where 'all' = any(user_name)"))
			.containsExactly(Map.of("auth_method", "scram-sha-256"));
		assertThat(postgres.queryAsSuperuser(
				"select rolpassword like 'SCRAM-SHA-256$%' as scram from pg_authid where rolname = 'duality_app'"))
			.containsExactly(Map.of("scram", true));
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(postgres.password() + "x"))
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28P01"));
	}

	@Test
	void asRootTheServerRunsAsTheServerAccountInADirectoryItOwns() throws Exception {
		Path dataDirectory = Path.of((String) postgres
			.queryAsSuperuser("select current_setting('data_directory') as directory")
			.get(0)
			.get("directory"));
		String runner = "root".equals(System.getProperty("user.name")) ? "postgres" : System.getProperty("user.name");
		assertThat(Files.getOwner(dataDirectory).getName()).isEqualTo(runner);
	}

	private static Connection connect(String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", postgres.username());
		properties.setProperty("password", password);
		properties.setProperty("sslmode", "verify-full");
		properties.setProperty("sslrootcert", postgres.caCertificate().toString());
		return DriverManager.getConnection(
				"jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + postgres.database(), properties);
	}

	private static Object queryValue(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
			assertThat(resultSet.next()).isTrue();
			return resultSet.getObject(1);
		}
	}

}
