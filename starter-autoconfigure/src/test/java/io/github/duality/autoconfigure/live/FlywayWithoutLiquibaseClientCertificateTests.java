package io.github.duality.autoconfigure.live;

import java.nio.file.Path;
import java.util.Map;

import io.github.duality.testsupport.ClientCertificate;
import io.github.duality.testsupport.ClientCertificate.KeyFormat;
import io.github.duality.testsupport.ClientCertificates;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway, alone on the classpath, migrates as the certificate-only role with an encrypted key whose passphrase is in
 * the URL: Flyway gets the key in memory, and its logs never show the passphrase.
 */
@ExtendWith(OutputCaptureExtension.class)
class FlywayWithoutLiquibaseClientCertificateTests {

	private static final TestPostgres postgres = TestPostgres.get();

	@TempDir
	Path directory;

	@Test
	void flywayMigratesAsTheCertificatesRoleAndTheApplicationServesWithIt(CapturedOutput output) {
		ClientCertificate certificate = postgres.clientCertificates()
			.issue(ClientCertificates.ROLE, "EC", this.directory);
		String database = "flyway_client_certificate_" + ProcessHandle.current().pid();
		postgres.createDatabase(database);
		String url = "postgresql://" + ClientCertificates.ROLE + "@" + postgres.host() + ":" + postgres.port() + "/"
				+ database + "?sslmode=verify-full&sslrootcert=" + postgres.caCertificate() + "&sslcert="
				+ certificate.certificateFile() + "&sslkey=" + certificate.keyFile(KeyFormat.ENCRYPTED_PEM_PKCS8)
				+ "&sslpassword=" + TestPostgres.percentEncode(ClientCertificate.KEY_PASSWORD);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LiveTestApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.r2dbc.pool.initial-size=1",
					"--logging.level.org.flywaydb=debug")) {
			assertThat(postgres.queryAsSuperuserIn(database,
					"select tableowner from pg_tables where tablename = 'flyway_schema_history'"))
				.containsExactly(Map.of("tableowner", ClientCertificates.ROLE));
			Map<String, Object> row = context.getBean(DatabaseClient.class)
				.sql("select (select name from thing where id = 1) as name, "
						+ "(select client_dn from pg_stat_ssl where pid = pg_backend_pid()) as client")
				.fetch()
				.one()
				.block();
			assertThat(row).containsEntry("name", "first").containsEntry("client", "/CN=" + ClientCertificates.ROLE);
		}
		assertThat(output.getAll()).contains("flyway_schema_history")
			.doesNotContain(ClientCertificate.KEY_PASSWORD)
			.doesNotContain(TestPostgres.percentEncode(ClientCertificate.KEY_PASSWORD));
	}

}
