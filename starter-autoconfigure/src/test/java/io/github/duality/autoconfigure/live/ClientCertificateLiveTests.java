package io.github.duality.autoconfigure.live;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.duality.autoconfigure.InvalidDatasourceUrlException;
import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.testsupport.ClientCertificate;
import io.github.duality.testsupport.ClientCertificate.KeyFormat;
import io.github.duality.testsupport.ClientCertificates;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A role the test server admits by client certificate alone ({@code hostssl ... cert}): the application migrates as
 * that role over JDBC and serves over R2DBC with the certificate, whether the URL names the files (in Cloud SQL's
 * PKCS#1 format) or a Spring Boot SSL bundle (PEM or PKCS#12) supplies them. The server is the judge: the table
 * owner, and {@code pg_stat_ssl.client_dn} on the application's sessions.
 */
class ClientCertificateLiveTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final AtomicInteger databases = new AtomicInteger();

	@TempDir
	Path directory;

	@Test
	void aUrlNamingCloudSqlsFilesDrivesBothPaths() {
		ClientCertificate certificate = issue("RSA");
		String database = newDatabase();
		String url = url(database) + "?sslmode=verify-full&sslrootcert=" + postgres.caCertificate() + "&sslcert="
				+ certificate.certificateFile() + "&sslkey=" + certificate.keyFile(KeyFormat.PEM_TRADITIONAL);
		assertBothPathsUseTheCertificate(database, "--spring.datasource.url=" + url);
	}

	@Test
	void aPemBundleDrivesBothPaths() {
		ClientCertificate certificate = issue("EC");
		String database = newDatabase();
		assertBothPathsUseTheCertificate(database, "--spring.datasource.url=" + url(database),
				"--duality.ssl.bundle=database",
				"--spring.ssl.bundle.pem.database.truststore.certificate=file:" + postgres.caCertificate(),
				"--spring.ssl.bundle.pem.database.keystore.certificate=file:" + certificate.certificateFile(),
				"--spring.ssl.bundle.pem.database.keystore.private-key=file:"
						+ certificate.keyFile(KeyFormat.PEM_TRADITIONAL));
	}

	@Test
	void aPkcs12BundleDrivesBothPaths() throws Exception {
		ClientCertificate certificate = issue("RSA");
		String database = newDatabase();
		Path trustStore = this.directory.resolve("truststore.p12");
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509")
			.generateCertificate(Files.newInputStream(postgres.caCertificate())));
		try (OutputStream out = Files.newOutputStream(trustStore)) {
			store.store(out, "changeit".toCharArray());
		}
		assertBothPathsUseTheCertificate(database, "--spring.datasource.url=" + url(database),
				"--duality.ssl.bundle=database",
				"--spring.ssl.bundle.jks.database.keystore.location=file:" + certificate.keyFile(KeyFormat.PKCS12),
				"--spring.ssl.bundle.jks.database.keystore.type=PKCS12",
				"--spring.ssl.bundle.jks.database.keystore.password=" + ClientCertificate.KEY_PASSWORD,
				"--spring.ssl.bundle.jks.database.truststore.location=file:" + trustStore,
				"--spring.ssl.bundle.jks.database.truststore.type=PKCS12",
				"--spring.ssl.bundle.jks.database.truststore.password=changeit");
	}

	@Test
	void aKeyOthersMayReadGetsTheSameVerdictFromExplainAndStartup() throws Exception {
		ClientCertificate certificate = issue("EC");
		Path key = certificate.keyFile(KeyFormat.PEM_PKCS8);
		// what a Kubernetes secret volume gives by default
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
		String url = url(postgres.database()) + "?sslmode=verify-full&sslrootcert=" + postgres.caCertificate()
				+ "&sslcert=" + certificate.certificateFile() + "&sslkey=" + key;
		InvalidConnectionUrlException explain = null;
		try {
			DatabaseUrl.derive(url, null, null);
		}
		catch (InvalidConnectionUrlException ex) {
			explain = ex;
		}
		assertThat(explain).as("explain's verdict").isNotNull();
		assertThat(explain.getProblem()).contains("group or world access");
		String problem = explain.getProblem();
		assertThatThrownBy(() -> start("--spring.datasource.url=" + url)).satisfies((ex) -> {
			InvalidDatasourceUrlException startup = findCause(ex);
			assertThat(startup).as("startup's verdict").isNotNull();
			assertThat(startup.getCause().getProblem()).isEqualTo(problem);
			assertThat(startup.getCause().getFix()).contains("defaultMode");
		});
	}

	@Test
	void anSslBundleBesideTlsFilesInTheUrlIsRefused() {
		assertThatThrownBy(() -> start("--spring.datasource.url=" + url(postgres.database())
				+ "?sslrootcert=" + postgres.caCertificate(), "--duality.ssl.bundle=database",
				"--spring.ssl.bundle.pem.database.truststore.certificate=file:" + postgres.caCertificate()))
			.satisfies((ex) -> {
				InvalidDatasourceUrlException refusal = findCause(ex);
				assertThat(refusal).isNotNull();
				assertThat(refusal.getCause().getParameter()).isEqualTo("sslrootcert");
				assertThat(refusal.getOrigins()).containsKey("duality.ssl.bundle");
			});
	}

	private void assertBothPathsUseTheCertificate(String database, String... arguments) {
		try (ConfigurableApplicationContext context = start(arguments)) {
			assertThat(postgres.queryAsSuperuserIn(database,
					"select tableowner from pg_tables where tablename = 'greeting'"))
				.singleElement()
				.isEqualTo(Map.of("tableowner", ClientCertificates.ROLE));
			ConnectionFactory connectionFactory = context.getBean(ConnectionFactory.class);
			String session = Flux.usingWhen(connectionFactory.create(),
					(connection) -> Flux.from(connection
						.createStatement("select current_user as role, client_dn from pg_stat_ssl "
								+ "where pid = pg_backend_pid()")
						.execute())
						.flatMap((result) -> result.map(
								(row, metadata) -> row.get("role", String.class) + " " + row.get("client_dn", String.class))),
					(connection) -> Mono.from(connection.close()))
				.single()
				.block(Duration.ofSeconds(20));
			assertThat(session).isEqualTo(ClientCertificates.ROLE + " /CN=" + ClientCertificates.ROLE);
		}
	}

	private ClientCertificate issue(String algorithm) {
		return postgres.clientCertificates().issue(ClientCertificates.ROLE, algorithm, this.directory);
	}

	private static String newDatabase() {
		String name = "client_certificate_" + databases.incrementAndGet() + "_" + ProcessHandle.current().pid();
		postgres.createDatabase(name);
		return name;
	}

	private static String url(String database) {
		return "postgresql://" + ClientCertificates.ROLE + "@" + postgres.host() + ":" + postgres.port() + "/"
				+ database;
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--spring.r2dbc.pool.initial-size=1");
		return new SpringApplicationBuilder(LiveTestApplication.class).web(WebApplicationType.NONE)
			.run(all.toArray(String[]::new));
	}

	private static InvalidDatasourceUrlException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidDatasourceUrlException invalid) {
				return invalid;
			}
		}
		return null;
	}

}
