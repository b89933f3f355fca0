package io.github.duality.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.github.duality.testsupport.ClientCertificate.KeyFormat;
import io.github.duality.testsupport.ClientCertificate;
import io.github.duality.testsupport.ClientCertificates;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.Driver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role the server admits by client certificate alone ({@code hostssl ... cert}), reached on both paths with the key
 * in each format: the server sees the certificate (pg_stat_ssl.client_dn) and the role on every session.
 */
class ClientCertificateLiveTests {

	private static final String SESSION_QUERY = "select current_user as role, client_dn from pg_stat_ssl "
			+ "where pid = pg_backend_pid()";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static TestPostgres postgres;

	@TempDir
	static Path home;

	@TempDir
	Path directory;

	@BeforeAll
	static void server() {
		postgres = TestPostgres.get();
	}

	@ParameterizedTest(name = "{0} {1} key")
	@CsvSource({ "PEM_PKCS8, RSA", "PEM_TRADITIONAL, RSA", "PEM_TRADITIONAL, EC", "DER_PKCS8, EC",
			"ENCRYPTED_PEM_PKCS8, EC", "PKCS12, RSA" })
	void bothPathsPresentTheCertificate(KeyFormat format, String algorithm) throws SQLException {
		ClientCertificate certificate = postgres.clientCertificates()
			.issue(ClientCertificates.ROLE, algorithm, this.directory);
		String url = "postgresql://" + ClientCertificates.ROLE + "@" + postgres.host() + ":" + postgres.port() + "/"
				+ postgres.database() + "?sslmode=verify-full&sslrootcert=" + postgres.caCertificate() + "&sslkey="
				+ certificate.keyFile(format) + "&sslpassword="
				+ TestPostgres.percentEncode(ClientCertificate.KEY_PASSWORD)
				+ ((format != KeyFormat.PKCS12) ? "&sslcert=" + certificate.certificateFile() : "");
		DerivedConnection derived = DatabaseUrl.derive(url, null, null, home);
		String expected = ClientCertificates.ROLE + " /CN=" + ClientCertificates.ROLE;
		assertThat(jdbcSession(derived.migrationJdbc())).isEqualTo(expected);
		assertThat(r2dbcSession(derived.r2dbc().options())).isEqualTo(expected);
	}

	private static String jdbcSession(JdbcTarget target) throws SQLException {
		try (Connection connection = new Driver().connect(target.url(), target.properties());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(SESSION_QUERY)) {
			row.next();
			return row.getString("role") + " " + row.getString("client_dn");
		}
	}

	private static String r2dbcSession(ConnectionFactoryOptions options) {
		return Flux.usingWhen(ConnectionFactories.get(options).create(),
				(connection) -> Flux.from(connection.createStatement(SESSION_QUERY).execute())
					.flatMap((result) -> result
						.map((row, metadata) -> row.get("role", String.class) + " " + row.get("client_dn", String.class))),
				(connection) -> Mono.from(connection.close()))
			.single()
			.block(TIMEOUT);
	}

}
