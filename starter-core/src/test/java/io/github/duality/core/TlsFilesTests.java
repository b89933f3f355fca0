package io.github.duality.core;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.tls.ClientKeyMaterial;
import io.github.duality.core.tls.JdbcSslSocketFactory;
import io.github.duality.core.tls.R2dbcTlsCustomizer;
import io.github.duality.testsupport.ClientCertificate.KeyFormat;
import io.github.duality.testsupport.ClientCertificate;
import io.github.duality.testsupport.ClientCertificates;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Certificate and key files are read when the URL is derived, in every format libpq or either driver reads, and
 * handed to both drivers in memory; what cannot be used is refused then, not at connect time.
 */
class TlsFilesTests {

	@TempDir
	Path directory;

	@TempDir
	Path home;

	private ClientCertificates clientCa;

	@BeforeEach
	void clientCa() {
		this.clientCa = ClientCertificates.generate(this.directory.resolve("client-ca.crt"));
	}

	@ParameterizedTest
	@EnumSource(KeyFormat.class)
	void everyKeyFormatReachesBothPathsInMemory(KeyFormat format) {
		ClientCertificate certificate = this.clientCa.issue("u", "RSA", this.directory.resolve(format.name()));
		String ca = TlsFixtures.certificate(this.directory, "ca.pem");
		DerivedConnection derived = derive("postgresql://u@db/app?sslmode=verify-full&sslrootcert=" + ca + "&sslcert="
				+ certificate.certificateFile() + "&sslkey=" + certificate.keyFile(format) + "&sslpassword="
				+ TestPostgres.percentEncode(ClientCertificate.KEY_PASSWORD));
		assertThat(derived.jdbc().properties()).contains(entry("sslfactory", JdbcSslSocketFactory.class.getName()))
			.containsKey("sslfactoryarg")
			.doesNotContainKeys("sslkey", "sslcert", "sslpassword", "sslrootcert");
		assertThat(derived.jdbc().connectionDetailsUrl()).doesNotContain("k3y").doesNotContain("sslpassword");
		Object customizer = derived.r2dbc()
			.options()
			.getValue(PostgresqlConnectionFactoryProvider.SSL_CONTEXT_BUILDER_CUSTOMIZER);
		assertThat(customizer).isInstanceOf(R2dbcTlsCustomizer.class);
		assertThat(derived.r2dbc().options().hasOption(PostgresqlConnectionFactoryProvider.SSL_KEY)).isFalse();
		assertThat(derived.r2dbc().options().hasOption(PostgresqlConnectionFactoryProvider.SSL_PASSWORD)).isFalse();
		assertThat(derived.r2dbc().maskedOptions()).doesNotContainValue(ClientCertificate.KEY_PASSWORD);
		ClientKeyMaterial material = (ClientKeyMaterial) derived.spec().tls().material();
		assertThat(material.chain()).hasSize(2);
		assertThat(material.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=u");
	}

	@Test
	void traditionalEcKeyIsRead() {
		ClientCertificate certificate = this.clientCa.issue("u", "EC", this.directory);
		DerivedConnection derived = derive("postgresql://u@db/app?sslmode=require&sslcert="
				+ certificate.certificateFile() + "&sslkey=" + certificate.keyFile(KeyFormat.PEM_TRADITIONAL));
		assertThat(derived.spec().tls().material().describe()).contains("PEM SEC1 EC key");
	}

	@Test
	void pkcs12StoreNeedsNoCertificateFile() {
		ClientCertificate certificate = this.clientCa.issue("u", "EC", this.directory);
		DerivedConnection derived = derive("jdbc:postgresql://db/app?user=u&sslmode=require&sslkey="
				+ certificate.keyFile(KeyFormat.PKCS12) + "&sslpassword="
				+ TestPostgres.percentEncode(ClientCertificate.KEY_PASSWORD));
		assertThat(((ClientKeyMaterial) derived.spec().tls().material()).chain()).hasSize(2);
	}

	@Test
	void aWrongOrMissingPasswordIsRefusedNamingSslpassword() {
		ClientCertificate certificate = this.clientCa.issue("u", "RSA", this.directory);
		for (KeyFormat format : new KeyFormat[] { KeyFormat.ENCRYPTED_PEM_PKCS8, KeyFormat.PKCS12 }) {
			String url = "postgresql://u@db/app?sslmode=require&sslcert=" + certificate.certificateFile() + "&sslkey="
					+ certificate.keyFile(format);
			assertThatExceptionOfType(InvalidConnectionUrlException.class).as(format.name())
				.isThrownBy(() -> derive(url + "&sslpassword=wrong-secret"))
				.satisfies((ex) -> {
					assertThat(ex.getParameter()).isEqualTo("sslpassword");
					assertThat(ex.getMessage()).doesNotContain("wrong-secret");
				});
			assertThatExceptionOfType(InvalidConnectionUrlException.class).as(format.name())
				.isThrownBy(() -> derive(url))
				.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("sslpassword"));
		}
	}

	@Test
	void aKeyOthersMayReadIsRefusedAsLibpqRefusesIt() throws IOException {
		ClientCertificate certificate = this.clientCa.issue("u", "EC", this.directory);
		Path key = certificate.keyFile(KeyFormat.PEM_PKCS8);
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&sslcert=" + certificate.certificateFile()
					+ "&sslkey=" + key))
			.satisfies((ex) -> {
				assertThat(ex.getParameter()).isEqualTo("sslkey");
				assertThat(ex.getProblem()).contains("group or world access").contains("rw-r--r--");
				assertThat(ex.getFix()).contains("chmod 0600").contains("defaultMode").contains("0400");
			});
		Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----"));
		boolean runAsRoot = "root".equals(System.getProperty("user.name"));
		if (runAsRoot) {
			// 0640 is libpq's limit for a key root owns
			assertThat(derive("postgresql://u@db/app?sslmode=require&sslcert=" + certificate.certificateFile()
					+ "&sslkey=" + key).spec().tls().material()).isNotNull();
		}
		else {
			assertThatExceptionOfType(InvalidConnectionUrlException.class)
				.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&sslcert="
						+ certificate.certificateFile() + "&sslkey=" + key));
		}
	}

	@Test
	void aKeyOfAnotherCertificateIsRefused() {
		ClientCertificate one = this.clientCa.issue("u", "EC", this.directory.resolve("one"));
		ClientCertificate other = this.clientCa.issue("u", "EC", this.directory.resolve("other"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&sslcert=" + one.certificateFile()
					+ "&sslkey=" + other.keyFile(KeyFormat.PEM_PKCS8)))
			.withMessageContaining("is not the key of the client certificate CN=u");
	}

	@Test
	void anExpiredCertificateIsRefused() {
		ClientCertificate expired = this.clientCa.issueExpired("u", this.directory);
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&sslcert=" + expired.certificateFile()
					+ "&sslkey=" + expired.keyFile(KeyFormat.PEM_PKCS8)))
			.satisfies((ex) -> {
				assertThat(ex.getParameter()).isEqualTo("sslcert");
				assertThat(ex.getProblem()).contains("expired on");
			});
	}

	@Test
	void aKeyInOpensslsLegacyEncryptionIsRefusedWithTheConversion() throws Exception {
		ClientCertificate certificate = this.clientCa.issue("u", "RSA", this.directory);
		PrivateKey key = KeyFactory.getInstance("RSA")
			.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(certificate.keyFile(KeyFormat.DER_PKCS8))));
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(new JcaMiscPEMGenerator(key,
					new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(new BouncyCastleProvider())
						.build("secret".toCharArray())));
		}
		Path legacy = Files.writeString(this.directory.resolve("legacy.key"), pem.toString());
		Files.setPosixFilePermissions(legacy, PosixFilePermissions.fromString("rw-------"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&sslpassword=secret&sslcert="
					+ certificate.certificateFile() + "&sslkey=" + legacy))
			.satisfies((ex) -> {
				assertThat(ex.getProblem()).contains("legacy format");
				assertThat(ex.getFix()).contains("openssl pkcs8 -topk8 -v2 aes-256-cbc -in " + legacy);
			});
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
	void certificateAndKeyComeTogether() {
		ClientCertificate certificate = this.clientCa.issue("u", "EC", this.directory);
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&sslcert=" + certificate.certificateFile()))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("sslcert"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&sslkey="
					+ certificate.keyFile(KeyFormat.PEM_PKCS8)))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("sslkey"));
	}

	@Test
	void theDriversDefaultClientKeyIsReadForBothPathsOrRefused() throws IOException {
		Path postgresql = Files.createDirectories(this.home.resolve(".postgresql"));
		ClientCertificate certificate = this.clientCa.issue("u", "EC", this.directory);
		Files.copy(certificate.certificateFile(), postgresql.resolve("postgresql.crt"));
		Files.writeString(postgresql.resolve("postgresql.pk8"), "not a key");
		Files.setPosixFilePermissions(postgresql.resolve("postgresql.pk8"),
				PosixFilePermissions.fromString("rw-------"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require"))
			.withMessageContaining("Both drivers offer the default client certificate");
		assertThat(derive("postgresql://u@db/app?sslmode=disable").spec().tls().material()).isNull();
		Files.write(postgresql.resolve("postgresql.pk8"), Files.readAllBytes(certificate.keyFile(KeyFormat.DER_PKCS8)));
		DerivedConnection derived = derive("postgresql://u@db/app?sslmode=require");
		assertThat(derived.jdbc().properties()).contains(entry("sslfactory", JdbcSslSocketFactory.class.getName()));
		assertThat(derived.notes()).anySatisfy((note) -> assertThat(note).contains("the default client certificate"));
	}

	private DerivedConnection derive(String url) {
		return DatabaseUrl.derive(url, null, null, this.home);
	}

}
