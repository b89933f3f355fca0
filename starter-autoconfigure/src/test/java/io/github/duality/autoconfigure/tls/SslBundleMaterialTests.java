package io.github.duality.autoconfigure.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.github.duality.core.CredentialSources;
import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.FileChecks;
import io.github.duality.core.JdbcTarget;
import io.github.duality.core.PoolerHint;
import io.github.duality.testsupport.ClientCertificate;
import io.github.duality.testsupport.ClientCertificate.KeyFormat;
import io.github.duality.testsupport.ClientCertificates;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An SSL bundle as both paths' TLS material, against the test server: what it holds is what each new connection
 * presents, before and after the bundle is updated (what {@code reload-on-update} does when its files change).
 */
class SslBundleMaterialTests {

	private static final String SERIAL_QUERY = "select current_user || ' ' || client_serial from pg_stat_ssl "
			+ "where pid = pg_backend_pid()";

	private final TestPostgres postgres = TestPostgres.get();

	@TempDir
	Path directory;

	@Test
	void newConnectionsOnBothPathsPresentTheBundlesCurrentCertificate() throws Exception {
		ClientCertificate first = issue("first");
		ClientCertificate second = issue("second");
		DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("database", bundle(first));
		SslBundleMaterial material = SslBundleMaterial.of(bundles, "database");
		assertThat(material.describe()).isEqualTo("SSL bundle 'database' (with a client certificate)");
		DerivedConnection derived = DatabaseUrl.derive(
				"postgresql://" + ClientCertificates.ROLE + "@" + this.postgres.host() + ":" + this.postgres.port() + "/"
						+ this.postgres.database(),
				null, null, null, PoolerHint.AUTO, FileChecks.READ, CredentialSources.ARGUMENTS, material);
		assertThat(derived.spec().tls().mode().libpqName()).isEqualTo("verify-full");
		String firstSession = ClientCertificates.ROLE + " " + serial(first);
		assertThat(jdbcSession(derived.migrationJdbc())).isEqualTo(firstSession);
		assertThat(r2dbcSession(derived.r2dbc().options())).isEqualTo(firstSession);
		bundles.updateBundle("database", bundle(second));
		String secondSession = ClientCertificates.ROLE + " " + serial(second);
		assertThat(jdbcSession(derived.migrationJdbc())).isEqualTo(secondSession);
		assertThat(r2dbcSession(derived.r2dbc().options())).isEqualTo(secondSession);
	}

	private ClientCertificate issue(String name) {
		return this.postgres.clientCertificates()
			.issue(ClientCertificates.ROLE, "EC", this.directory.resolve(name));
	}

	private SslBundle bundle(ClientCertificate certificate) throws IOException {
		PemSslStoreDetails keyStore = PemSslStoreDetails
			.forCertificate(Files.readString(certificate.certificateFile()))
			.withPrivateKey(Files.readString(certificate.keyFile(KeyFormat.PEM_TRADITIONAL)));
		PemSslStoreDetails trustStore = PemSslStoreDetails
			.forCertificate(Files.readString(this.postgres.caCertificate()));
		return SslBundle.of(new PemSslStoreBundle(keyStore, trustStore));
	}

	/** The serial number as pg_stat_ssl shows it: in decimal. */
	private static String serial(ClientCertificate certificate) throws Exception {
		return ((java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
			.generateCertificate(Files.newInputStream(certificate.certificateFile()))).getSerialNumber().toString();
	}

	private static String jdbcSession(JdbcTarget target) throws SQLException {
		try (Connection connection = new Driver().connect(target.url(), target.properties());
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(SERIAL_QUERY)) {
			row.next();
			return row.getString(1);
		}
	}

	private static String r2dbcSession(ConnectionFactoryOptions options) {
		return Flux.usingWhen(ConnectionFactories.get(options).create(),
				(connection) -> Flux.from(connection.createStatement(SERIAL_QUERY).execute())
					.flatMap((result) -> result.map((row, metadata) -> row.get(0, String.class))),
				(connection) -> Mono.from(connection.close()))
			.single()
			.block(Duration.ofSeconds(20));
	}

}
