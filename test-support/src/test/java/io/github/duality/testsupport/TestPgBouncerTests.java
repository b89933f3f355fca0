package io.github.duality.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PgBouncer fixture itself: TLS and scram on both sides, and its transaction mode as the pooler tests rely on.
 */
@RequiresPeer({ Peer.PGBOUNCER, Peer.PSQL })
class TestPgBouncerTests {

	private static TestPostgres postgres;

	private static TestPgBouncer pgbouncer;

	@BeforeAll
	static void start() {
		postgres = TestPostgres.get();
		pgbouncer = TestPgBouncer.inFrontOf(postgres, TestPgBouncer.PoolMode.TRANSACTION);
	}

	@AfterAll
	static void stop() {
		pgbouncer.close();
	}

	@Test
	void transactionModeServesTwoOpenClientsFromOneIdleServerSessionOverTls() throws SQLException {
		try (Connection first = connect(); Connection second = connect()) {
			int firstBackend = backend(first);
			int secondBackend = backend(second);
			assertThat(secondBackend).as("the idle server session handed to the next client").isEqualTo(firstBackend);
			assertThat(first.unwrap(PGConnection.class).getBackendPID()).as("the process id PgBouncer announces")
				.isNotEqualTo(firstBackend);
			try (Statement statement = first.createStatement();
					ResultSet ssl = statement.executeQuery("select ssl from pg_stat_ssl where pid = pg_backend_pid()")) {
				assertThat(ssl.next()).isTrue();
				assertThat(ssl.getBoolean(1)).as("TLS from PgBouncer to the server").isTrue();
			}
			assertThat(pgbouncer.clients(postgres.database())).hasSizeGreaterThanOrEqualTo(2)
				.allSatisfy((client) -> assertThat(client.get("tls")).startsWith("TLS"));
		}
	}

	private static Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", postgres.username());
		properties.setProperty("password", postgres.password());
		properties.setProperty("sslmode", "verify-full");
		properties.setProperty("sslrootcert", pgbouncer.caCertificate().toString());
		properties.setProperty("prepareThreshold", "0");
		return DriverManager.getConnection(
				"jdbc:postgresql://" + pgbouncer.host() + ":" + pgbouncer.port() + "/" + postgres.database(),
				properties);
	}

	private static int backend(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

}
