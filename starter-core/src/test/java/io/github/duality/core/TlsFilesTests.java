package io.github.duality.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Certificate and key files are checked when the URL is derived: only the formats both drivers read pass.
 */
class TlsFilesTests {

	@TempDir
	Path directory;

	@TempDir
	Path home;

	@Test
	void pemFilesPassOnBothPaths() {
		String ca = TlsFixtures.certificate(this.directory, "ca.pem");
		String cert = TlsFixtures.certificate(this.directory, "client.crt");
		String key = TlsFixtures.pemKey(this.directory, "client.key", "RSA");
		DerivedConnection derived = derive("postgresql://u@db/app?sslmode=verify-full&sslrootcert=" + ca + "&sslcert="
				+ cert + "&sslkey=" + key);
		assertThat(derived.jdbc().properties()).contains(entry("sslrootcert", ca), entry("sslcert", cert),
				entry("sslkey", key))
			.doesNotContainKey("pemKeyAlgorithm");
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.SSL_CERT)).isEqualTo(cert);
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.SSL_KEY)).isEqualTo(key);
	}

	@Test
	void ecKeyTellsPgjdbcItsAlgorithm() {
		String cert = TlsFixtures.certificate(this.directory, "client.crt");
		String key = TlsFixtures.pemKey(this.directory, "client.pem", "EC");
		DerivedConnection derived = derive("jdbc:postgresql://db/app?user=u&sslmode=require&sslcert=" + cert + "&sslkey="
				+ key);
		assertThat(derived.jdbc().properties()).contains(entry("pemKeyAlgorithm", "EC"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=u&sslmode=require&sslcert=" + cert + "&sslkey="
					+ key + "&pemKeyAlgorithm=RSA"))
			.withMessageContaining("does not match");
	}

	@Test
	void derRootCertificateIsRefusedWithTheConversion() {
		String der = TlsFixtures.derCertificate(this.directory, "ca.der");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=u&sslmode=verify-full&sslrootcert=" + der))
			.satisfies((ex) -> {
				assertThat(ex.getParameter()).isEqualTo("sslrootcert");
				assertThat(ex.getFix()).contains("openssl x509 -inform DER -in " + der).contains("ca.pem");
			});
	}

	@Test
	void missingOrGarbageFilesAreRefused() throws IOException {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=verify-ca&sslrootcert=/nonexistent/ca.pem"))
			.withMessageContaining("does not exist");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("r2dbc:postgresql://u@db/app?sslMode=verify-ca&sslRootCert=certs/ca.pem"))
			.withMessageContaining("classpath");
		Path garbage = Files.writeString(this.directory.resolve("bad.pem"),
				"-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=verify-ca&sslrootcert=" + garbage))
			.withMessageContaining("no readable certificate");
	}

	@Test
	void derKeyIsRefusedWithTheConversion() {
		String cert = TlsFixtures.certificate(this.directory, "client.crt");
		String key = TlsFixtures.derKey(this.directory, "client.pk8");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=u&sslmode=require&sslcert=" + cert + "&sslkey="
					+ key))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).contains("DER");
				assertThat(ex.getFix()).contains("PEM PKCS#8")
					.contains("openssl pkcs8 -topk8 -nocrypt -inform DER -in " + key)
					.contains("client.pem");
			});
	}

	@Test
	void otherKeyFormatsAreRefused() {
		String cert = TlsFixtures.certificate(this.directory, "client.crt");
		for (String key : new String[] { TlsFixtures.pemKey(this.directory, "client.p12", "RSA"),
				TlsFixtures.pemFile(this.directory, "pkcs1.pem", "RSA PRIVATE KEY"),
				TlsFixtures.pemFile(this.directory, "encrypted.pem", "ENCRYPTED PRIVATE KEY") }) {
			assertThatExceptionOfType(InvalidConnectionUrlException.class).as(key)
				.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&sslcert=" + cert + "&sslkey=" + key))
				.satisfies((ex) -> assertThat(ex.getFix()).contains("openssl"));
		}
	}

	@Test
	void certificateAndKeyComeTogether() {
		String cert = TlsFixtures.certificate(this.directory, "client.crt");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&sslcert=" + cert))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("sslkey"));
	}

	@Test
	void defaultDerClientKeyThatR2dbcWouldLoadIsRefused() throws IOException {
		Path postgresql = Files.createDirectories(this.home.resolve(".postgresql"));
		TlsFixtures.certificate(postgresql, "postgresql.crt");
		TlsFixtures.derKey(postgresql, "postgresql.pk8");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require"))
			.withMessageContaining("r2dbc loads the default client key");
		assertThat(derive("postgresql://u@db/app?sslmode=disable").spec().tls().mode()).isEqualTo(SslMode.DISABLE);
		TlsFixtures.pemKey(postgresql, "postgresql.pk8", "RSA");
		assertThat(derive("postgresql://u@db/app?sslmode=require").spec().tls().mode()).isEqualTo(SslMode.REQUIRE);
	}

	private DerivedConnection derive(String url) {
		return DatabaseUrl.derive(url, null, null, this.home);
	}

}
