package io.github.duality.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.duality.testsupport.ClientCertificate.KeyFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test server admits {@link ClientCertificates#ROLE} by a certificate of its client CA, and nothing else: judged
 * by pgjdbc with the key format it reads itself (DER PKCS#8; its PKCS#12 reader offers the certificate only when
 * the server names the certificate's direct issuer, which a chain through an intermediate CA never is).
 */
class ClientCertificatesTests {

	private final TestPostgres postgres = TestPostgres.get();

	@TempDir
	Path directory;

	@Test
	void aCertificateOfTheClientCaLogsTheRoleIn() throws SQLException {
		ClientCertificate certificate = this.postgres.clientCertificates()
			.issue(ClientCertificates.ROLE, "RSA", this.directory);
		try (Connection connection = connect(certificate, KeyFormat.DER_PKCS8);
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(
						"select current_user, client_dn from pg_stat_ssl where pid = pg_backend_pid()")) {
			row.next();
			assertThat(row.getString(1)).isEqualTo(ClientCertificates.ROLE);
			assertThat(row.getString(2)).isEqualTo("/CN=" + ClientCertificates.ROLE);
		}
	}

	@Test
	void aCertificateOfAForeignCaIsRefused() {
		ClientCertificate foreign = ClientCertificates.issueByForeignCa(ClientCertificates.ROLE, this.directory);
		assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connect(foreign, KeyFormat.DER_PKCS8).close());
	}

	@Test
	void withoutACertificateTheRoleIsRefused() {
		Properties properties = properties();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(url(), properties).close())
			.withMessageContaining("certificate");
	}

	private Connection connect(ClientCertificate certificate, KeyFormat format) throws SQLException {
		Properties properties = properties();
		properties.setProperty("sslcert", certificate.certificateFile().toString());
		properties.setProperty("sslkey", certificate.keyFile(format).toString());
		properties.setProperty("sslpassword", ClientCertificate.KEY_PASSWORD);
		return DriverManager.getConnection(url(), properties);
	}

	private Properties properties() {
		Properties properties = new Properties();
		properties.setProperty("user", ClientCertificates.ROLE);
		properties.setProperty("sslmode", "verify-full");
		properties.setProperty("sslrootcert", this.postgres.caCertificate().toString());
		return properties;
	}

	private String url() {
		return "jdbc:postgresql://" + this.postgres.host() + ":" + this.postgres.port() + "/" + this.postgres.database();
	}

}
