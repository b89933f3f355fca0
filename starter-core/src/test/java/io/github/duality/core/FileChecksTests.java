package io.github.duality.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.testsupport.ClientCertificate;
import io.github.duality.testsupport.ClientCertificates;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * With {@link FileChecks#SKIP} no TLS file is read, as on a deploy pipeline's runner, which lacks the application's
 * files: notes say what each must be, and whatever the URL alone decides is still refused.
 */
class FileChecksTests {

	@TempDir
	Path directory;

	@TempDir
	Path home;

	@Test
	void missingRootCertificateIsNotedInsteadOfRefused() {
		String ca = this.directory.resolve("ca.pem").toString();
		String url = "postgresql://u@db/app?sslmode=verify-full&sslrootcert=" + ca;
		DerivedConnection derived = deriveSkippingFileChecks(url);
		assertThat(derived.jdbc().properties()).contains(entry("sslmode", "verify-full"), entry("sslrootcert", ca));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT)).isEqualTo(ca);
		assertThat(derived.notes()).contains("sslrootcert=" + ca
				+ " not read (file checks skipped): it must exist, as a PEM certificate, where the application runs");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null, this.home, FileChecks.READ))
			.withMessageContaining("does not exist");
	}

	@Test
	void filesThatExistAreNotReadEither() throws IOException {
		String derRootCert = TlsFixtures.derCertificate(this.directory, "ca.der");
		Path postgresql = Files.createDirectories(this.home.resolve(".postgresql"));
		TlsFixtures.certificate(postgresql, "postgresql.crt");
		TlsFixtures.derKey(postgresql, "postgresql.pk8");
		String url = "jdbc:postgresql://db/app?user=u&sslmode=verify-ca&sslrootcert=" + derRootCert;
		assertThat(deriveSkippingFileChecks(url).notes()).contains(
				"sslrootcert=" + derRootCert + " not read (file checks skipped): it must exist, as a PEM certificate, "
						+ "where the application runs",
				"~/.postgresql/postgresql.crt and postgresql.pk8 not read (file checks skipped): if both exist where "
						+ "the application runs, both paths offer them, so they must be a certificate and its key");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null, this.home))
			.withMessageContaining("not a PEM certificate");
	}

	@Test
	void verifyingWithoutRootCertificateWritesPgjdbcsDefaultInsteadOfRefusing() {
		String defaultRootCert = this.home.resolve(".postgresql").resolve("root.crt").toString();
		String url = "jdbc:postgresql://db/app?user=u&sslmode=verify-full";
		DerivedConnection derived = deriveSkippingFileChecks(url);
		assertThat(derived.jdbc().properties()).contains(entry("sslrootcert", defaultRootCert))
			.doesNotContainKey("sslfactory");
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT))
			.isEqualTo(defaultRootCert);
		assertThat(derived.notes()).contains("sslmode=verify-full without sslrootcert: pgjdbc's default "
				+ defaultRootCert + " written on both paths (r2dbc would otherwise trust the JDK's store); at startup "
				+ "it is .postgresql/root.crt in the home directory of the user the application runs as",
				"sslrootcert=" + defaultRootCert + " not read (file checks skipped): it must exist, as a PEM "
						+ "certificate, where the application runs");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null, this.home))
			.withMessageContaining("needs trust anchors");
	}

	@Test
	void clientKeyIsLeftToStartup() {
		String cert = this.directory.resolve("client.crt").toString();
		String key = this.directory.resolve("client.pem").toString();
		DerivedConnection derived = deriveSkippingFileChecks(
				"jdbc:postgresql://db/app?user=u&sslmode=require&sslcert=" + cert + "&sslkey=" + key);
		assertThat(derived.jdbc().properties()).contains(entry("sslcert", cert), entry("sslkey", key));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.SSL_KEY)).isEqualTo(key);
		assertThat(derived.spec().tls().material()).isNull();
		assertThat(derived.notes()).contains(
				"sslcert=" + cert + " not read (file checks skipped): it must exist, as a certificate chain (PEM or "
						+ "DER), where the application runs",
				"sslkey=" + key + " not read (file checks skipped): it must exist, as a key (PEM, DER PKCS#8 or "
						+ "PKCS#12) that sslcert belongs to, readable by its owner only (0600), where the application "
						+ "runs");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			postgresql://u@db/app?sslmode=require&sslcert=/c/client.crt                      | sslcert
			r2dbc:postgresql://u@db/app?sslMode=verify-full&sslKey=/c/client.key             | sslKey
			jdbc:postgresql://db/app?user=u&sslrootcert=/c/ca.pem&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory | sslrootcert
			postgresql://u@db/app?sslrootcert=system&sslmode=verify-ca                       | sslmode
			postgresql://u@db/app?sslmode=verify-ca&sslrootcert=/c/ca.pem&channel_binding=require | channel_binding
			postgresql://u@db/app?sslmode=verify-full&sslrootcert=/c/ca.pem&sslmod=require   | sslmod
			""")
	void whatTheUrlAloneDecidesIsStillRefused(String url, String parameter) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> deriveSkippingFileChecks(url))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo(parameter));
	}

	@Test
	void thePublicEntryPointsReadFilesUnlessToldToSkip() {
		String url = "postgresql://u@db/app?sslmode=verify-full&sslrootcert=" + this.directory.resolve("ca.pem");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null))
			.withMessageContaining("does not exist");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> DatabaseUrl.derive(url, null, null, FileChecks.READ))
			.withMessageContaining("does not exist");
		assertThat(DatabaseUrl.derive(url, null, null, FileChecks.SKIP).notes())
			.anyMatch((note) -> note.contains("not read (file checks skipped)"));
	}

	@Test
	void readingFilesAddsNoSkippedNote() {
		String ca = TlsFixtures.certificate(this.directory, "ca.pem");
		ClientCertificate client = ClientCertificates.generate(this.directory.resolve("client-ca.crt"))
			.issue("u", "EC", this.directory);
		DerivedConnection derived = DatabaseUrl.derive("jdbc:postgresql://db/app?user=u&sslmode=verify-full"
				+ "&sslrootcert=" + ca + "&sslcert=" + client.certificateFile() + "&sslkey="
				+ client.keyFile(ClientCertificate.KeyFormat.PEM_PKCS8), null, null, this.home, FileChecks.READ);
		assertThat(derived.spec().tls().material()).isNotNull();
		assertThat(derived.notes()).noneMatch((note) -> note.contains("file checks skipped"));
	}

	private DerivedConnection deriveSkippingFileChecks(String url) {
		return DatabaseUrl.derive(url, null, null, this.home, FileChecks.SKIP);
	}

}
