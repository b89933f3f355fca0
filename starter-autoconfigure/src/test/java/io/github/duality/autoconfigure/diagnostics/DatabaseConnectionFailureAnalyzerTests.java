package io.github.duality.autoconfigure.diagnostics;

import java.net.ConnectException;
import java.nio.file.Path;
import java.sql.SQLException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import io.github.duality.autoconfigure.DatasourceUrlDerivation;
import io.github.duality.core.JdbcTarget;
import io.github.duality.testsupport.ClientCertificate;
import io.github.duality.testsupport.ClientCertificate.KeyFormat;
import io.github.duality.testsupport.ClientCertificates;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import liquibase.exception.DatabaseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseConnectionFailureAnalyzerTests {

	private static final String URL = "postgres://app:s3cret-pw@db.example.com:5433/shop?sslmode=require";

	private final MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", URL);

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			28P01 | FATAL: password authentication failed for user "app"                  | refused the password       | percent-encode
			28000 | FATAL: no pg_hba.conf entry for host "10.0.0.1", user "app", database "shop", no encryption | only over TLS | sslmode=verify-full
			28000 | FATAL: role "app" does not exist                                      | role does not exist        | CREATE ROLE
			3D000 | FATAL: database "shop" does not exist                                  | database does not exist    | CREATE DATABASE
			08004 | The server does not support SSL.                                       | does not offer TLS         | Turn TLS on
			08006 | The hostname db.example.com could not be verified by hostnameverifier  | not issued to the host name | sslmode=verify-ca
			""")
	void explainsEachKindOfLiquibaseConnectionFailure(String state, String message, String problem, String fix) {
		FailureAnalysis analysis = analyze(liquibaseFailure(new SQLException(message, state)));
		assertThat(analysis.getDescription()).contains("Duality: the migration path (Liquibase) could not connect")
			.contains(problem)
			.contains("Tried:     jdbc:postgresql://db.example.com:5433/shop (user app, sslmode require)")
			.contains("Property:  spring.datasource.url")
			.contains("Cause:     " + message)
			.doesNotContain("s3cret-pw");
		assertThat(analysis.getAction()).contains(fix).doesNotContain("s3cret-pw").doesNotContain("java -jar");
	}

	@Test
	void namesTheApplicationPathForAnR2dbcFailure() {
		FailureAnalysis analysis = analyze(new R2dbcNonTransientResourceException("Connection refused",
				new ConnectException("Connection refused")));
		assertThat(analysis.getDescription()).contains("the application path (R2DBC)")
			.contains("Tried:     r2dbc:postgresql://db.example.com:5433/shop (user app, sslMode require)");
	}

	@Test
	void tellsAServerWithoutTlsFromTheApplicationPath() {
		FailureAnalysis analysis = analyze(new R2dbcNonTransientResourceException(
				"Server support for SSL connection is disabled, but client was configured with SSL mode VERIFY_FULL"));
		assertThat(analysis.getDescription()).contains("the application path (R2DBC)")
			.contains("does not offer TLS, and sslmode requires it");
	}

	@Test
	void namesTheMigrationUrlForAMigrationPathThatHasItsOwnEndpoint() {
		this.environment.setProperty("spring.datasource.url",
				"postgres://app:s3cret-pw@bouncer.example.com:6432/shop?sslmode=require&pgbouncer=true");
		this.environment.setProperty("duality.migration.url", "postgresql://db.example.com:5432");
		FailureAnalysis analysis = analyze(liquibaseFailure(new SQLException("FATAL: password", "28P01")));
		assertThat(analysis.getDescription())
			.contains("Tried:     jdbc:postgresql://db.example.com:5432/shop (user app, sslmode require) "
					+ "(endpoint: duality.migration.url)")
			.contains("Property:  duality.migration.url")
			.doesNotContain("s3cret-pw");
	}

	@Test
	void namesAnExplicitMigrationUrlWithItsSecretsMasked() {
		this.environment.setProperty("spring.liquibase.url", "jdbc:postgresql://migrations:5432/x?password=hidden-pw");
		this.environment.setProperty("spring.liquibase.user", "owner");
		FailureAnalysis analysis = analyze(liquibaseFailure(new SQLException("FATAL: password", "28P01")));
		assertThat(analysis.getDescription()).contains("Property:  spring.liquibase.url")
			.contains("jdbc:postgresql://migrations:5432/x")
			.contains("(user owner)")
			.doesNotContain("hidden-pw");
	}

	@Test
	void doesNotClaimAPathThatDualityDidNotDerive() {
		FailureAnalysis analysis = new DatabaseConnectionFailureAnalyzer(this.environment,
				new DefaultListableBeanFactory())
			.analyze(liquibaseFailure(new SQLException("FATAL: password", "28P01")));
		assertThat(analysis.getDescription()).contains("Tried:     what the application configured itself")
			.doesNotContain("Property:  spring.datasource.url");
	}

	@Test
	void saysThatTheStartupWaitWasUsedUp() {
		this.environment.setProperty("duality.startup.wait", "30s");
		FailureAnalysis analysis = analyze(liquibaseFailure(new SQLException("Connection refused", "08001",
				new ConnectException("Connection refused"))));
		assertThat(analysis.getDescription()).contains("It stayed so for all of duality.startup.wait (30s).");
		assertThat(analysis.getAction()).contains("raise duality.startup.wait");
	}

	/**
	 * Under TLS 1.3 pgjdbc often sees only a broken pipe when the server refuses the client certificate: the analysis
	 * reads the server's reason with a handshake of its own, against the real server.
	 */
	@Test
	void readsTheServersReasonForRefusingTheClientCertificate(@TempDir Path directory) {
		TestPostgres postgres = TestPostgres.get();
		ClientCertificate foreign = ClientCertificates.issueByForeignCa(ClientCertificates.ROLE, directory);
		String url = "postgresql://" + ClientCertificates.ROLE + "@" + postgres.host() + ":" + postgres.port() + "/"
				+ postgres.database() + "?sslmode=verify-full&sslrootcert=" + postgres.caCertificate() + "&sslcert="
				+ foreign.certificateFile() + "&sslkey=" + foreign.keyFile(KeyFormat.PEM_PKCS8);
		this.environment.setProperty("spring.datasource.url", url);
		FailureAnalysis analysis = analyze(liquibaseFailure(new PSQLException("SSL error: Broken pipe", PSQLState.CONNECTION_FAILURE,
					new SSLException("Broken pipe"))));
		assertThat(analysis.getDescription()).contains("no CA that the server trusts for client certificates")
			// Java 25 prefixes the alert's name: "(unknown_ca) Received fatal alert: unknown_ca"
			.containsPattern("Cause: +(\\(unknown_ca\\) )?Received fatal alert: unknown_ca \\(the server's TLS alert, "
					+ "read by a handshake of Duality's own after the failure: the driver saw only Broken pipe\\)");
	}

	/**
	 * A failure met on Duality's migration DataSource carries what was tried: the analysis shows it with nothing
	 * left in the environment to derive it from.
	 */
	@Test
	void showsTheTargetTheFailureCarriesWithoutDerivingAgain() {
		JdbcTarget target = DatasourceUrlDerivation.derive(this.environment, null).migrationJdbc();
		FailureAnalysis analysis = new DatabaseConnectionFailureAnalyzer(new MockEnvironment(), null)
			.analyze(liquibaseFailure(new DerivedTargetConnectionException(
					new SQLException("FATAL: password authentication failed for user \"app\"", "28P01"),
					"the target carried by the failure", target)));
		assertThat(analysis.getDescription()).contains("Tried:     the target carried by the failure\n")
			.contains("refused the password");
	}

	/** The probe of the client certificate uses the target the failure carries, not one derived again. */
	@Test
	void probesTheClientCertificateOfTheTargetTheFailureCarries(@TempDir Path directory) {
		TestPostgres postgres = TestPostgres.get();
		ClientCertificate foreign = ClientCertificates.issueByForeignCa(ClientCertificates.ROLE, directory);
		String url = "postgresql://" + ClientCertificates.ROLE + "@" + postgres.host() + ":" + postgres.port() + "/"
				+ postgres.database() + "?sslmode=verify-full&sslrootcert=" + postgres.caCertificate() + "&sslcert="
				+ foreign.certificateFile() + "&sslkey=" + foreign.keyFile(KeyFormat.PEM_PKCS8);
		JdbcTarget target = DatasourceUrlDerivation
			.derive(new MockEnvironment().withProperty("spring.datasource.url", url), null)
			.migrationJdbc();
		FailureAnalysis analysis = new DatabaseConnectionFailureAnalyzer(new MockEnvironment(), null)
			.analyze(liquibaseFailure(new DerivedTargetConnectionException(new PSQLException("SSL error: Broken pipe",
					PSQLState.CONNECTION_FAILURE, new SSLException("Broken pipe")), target.describe(), target)));
		assertThat(analysis.getDescription()).contains("no CA that the server trusts for client certificates")
			.contains("Tried:     " + target.describe() + "\n");
	}

	@Test
	void leavesOtherFailuresToOtherAnalyzers() {
		assertThat(analyze(liquibaseFailure(new SQLException("ERROR: syntax error at or near \"x\"", "42601"))))
			.isNull();
		assertThat(analyze(new BeanCreationException("liquibase", new IllegalStateException("no change log"))))
			.isNull();
		assertThat(analyze(new BeanCreationException("webClient",
				new SSLHandshakeException("PKIX path building failed"))))
			.as("a TLS failure outside either driver")
			.isNull();
	}

	private FailureAnalysis analyze(Throwable failure) {
		return new DatabaseConnectionFailureAnalyzer(this.environment, null).analyze(failure);
	}

	private static Throwable liquibaseFailure(SQLException cause) {
		return new BeanCreationException("liquibase", "Invocation of init method failed",
				new DatabaseException(new DatabaseException(cause)));
	}

}
