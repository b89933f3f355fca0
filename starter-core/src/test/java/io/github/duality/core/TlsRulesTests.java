package io.github.duality.core;

import java.nio.file.Path;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.SslMode;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.SSLMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * The effective TLS mode is written explicitly on both paths, and verifying modes trust the same anchors on both.
 */
class TlsRulesTests {

	@TempDir
	Path home;

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://db/app?user=u                         | prefer
			jdbc:postgresql://db/app?user=u&sslmode=require         | require
			jdbc:postgresql://db/app?user=u&sslmode=REQUIRE         | require
			jdbc:postgresql://db/app?user=u&ssl=false               | prefer
			jdbc:postgresql://db/app?user=u&ssl=true&sslmode=disable | disable
			postgresql://u@db/app                                   | prefer
			postgresql://u@db/app?ssl=true                          | require
			postgresql://u@db/app?sslmode=allow                     | allow
			postgresql+asyncpg://u@db/app?ssl=require               | require
			postgresql+asyncpg://u@db/app?ssl=disable               | disable
			postgresql+asyncpg://u@db/app?ssl=false                 | disable
			postgresql+psycopg://u@db/app?sslmode=require           | require
			r2dbc:postgresql://u@db/app                             | disable
			r2dbc:postgresql://u@db/app?ssl=false                   | disable
			r2dbc:postgresql://u@db/app?sslMode=require             | require
			r2dbc:postgresql://u@db/app?sslmode=require             | require
			r2dbc:postgresql://u@db/app?sslMode=PREFER              | prefer
			r2dbc:postgresql://u@db/app?ssl=true&sslMode=require    | require
			""")
	void effectiveModeIsExplicitOnBothPaths(String url, String expected) {
		DerivedConnection derived = derive(url);
		assertThat(derived.spec().tls().mode().libpqName()).isEqualTo(expected);
		assertThat(derived.jdbc().properties()).contains(entry("sslmode", expected));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.SSL_MODE))
			.isEqualTo(SSLMode.fromValue(expected));
	}

	@Test
	void missingModeIsNoted() {
		assertThat(derive("postgresql://u@db/app").notes())
			.contains("sslmode not set: using prefer on both paths (r2dbc's own default is disable)");
		assertThat(derive("r2dbc:postgresql://u@db/app").notes())
			.contains("sslMode not set: using disable on both paths (r2dbc's own default; pgjdbc's would be prefer)");
	}

	@Test
	void pgjdbcSslFlagMeansVerifyFullWithItsDefaultRootCertificate() {
		Path homeWithRoot = TlsFixtures.homeWithRootCertificate(this.home);
		String rootCert = homeWithRoot.resolve(".postgresql/root.crt").toString();
		for (String url : new String[] { "jdbc:postgresql://db/app?user=u&ssl", "jdbc:postgresql://db/app?user=u&ssl=",
				"jdbc:postgresql://db/app?user=u&ssl=true" }) {
			DerivedConnection derived = DatabaseUrl.derive(url, null, null, homeWithRoot);
			assertThat(derived.spec().tls().mode()).isEqualTo(SslMode.VERIFY_FULL);
			assertThat(derived.jdbc().properties()).contains(entry("sslrootcert", rootCert));
			assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT))
				.isEqualTo(rootCert);
		}
	}

	@Test
	void verifyingWithoutAnyTrustAnchorsIsRefused() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=verify-full"))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("sslrootcert"))
			.withMessageContaining("root.crt")
			.withMessageContaining("sslrootcert=system");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=u&sslmode=verify-ca"))
			.withMessageContaining("sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
	}

	@Test
	void r2dbcVerifyFullWithoutRootCertificateTrustsTheJdkStoreOnBothPaths() {
		DerivedConnection derived = derive("r2dbc:postgresql://u@db/app?sslMode=verify-full");
		assertThat(derived.spec().tls().rootCertificateFile()).isNull();
		assertThat(derived.jdbc().properties()).contains(entry("sslmode", "verify-full"),
				entry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory"))
			.doesNotContainKey("sslrootcert");
		assertThat(derived.r2dbc().options().hasOption(PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT)).isFalse();
		assertThat(derived.notes()).anyMatch((note) -> note.contains("JDK's default trust store"));
	}

	@Test
	void r2dbcsSchemeMeansVerifyFull() {
		DerivedConnection derived = derive("r2dbcs:postgresql://u@db/app");
		assertThat(derived.spec().tls().mode()).isEqualTo(SslMode.VERIFY_FULL);
		assertThat(derived.jdbc().properties()).contains(entry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory"));
	}

	@Test
	void libpqSystemRootCertificateIsTheJdkStoreAndImpliesVerifyFull() {
		DerivedConnection derived = derive("postgresql://u@db/app?sslrootcert=system");
		assertThat(derived.spec().tls().mode()).isEqualTo(SslMode.VERIFY_FULL);
		assertThat(derived.jdbc().properties()).contains(entry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory"));
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslrootcert=system&sslmode=require"))
			.withMessageContaining("verify-full");
	}

	@Test
	void pgjdbcJdkTrustStoreFactoryCarriesOver() {
		DerivedConnection derived = derive("jdbc:postgresql://db/app?user=u&sslmode=verify-full"
				+ "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
		assertThat(derived.spec().tls().rootCertificateFile()).isNull();
		assertThat(derived.jdbc().properties()).contains(entry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory"));
		assertThat(derived.r2dbc().options().hasOption(PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT)).isFalse();
	}

	@Test
	void customSslFactoriesAreRefused() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=u&sslfactory=org.postgresql.ssl.NonValidatingFactory"))
			.withMessageContaining("sslmode=require");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=u&sslfactory=com.example.MyFactory"));
	}

	@Test
	void libpqRequireWithRootCertificateVerifiesTheChain() {
		String ca = TlsFixtures.certificate(this.home, "ca.pem");
		DerivedConnection derived = derive("postgresql://u@db/app?sslmode=require&sslrootcert=" + ca);
		assertThat(derived.spec().tls().mode()).isEqualTo(SslMode.VERIFY_CA);
		assertThat(derived.jdbc().properties()).contains(entry("sslmode", "verify-ca"), entry("sslrootcert", ca));
	}

	@Test
	void pgjdbcRequireWithRootCertificateStaysRequire() {
		String ca = TlsFixtures.certificate(this.home, "ca.pem");
		DerivedConnection derived = derive("jdbc:postgresql://db/app?user=u&sslmode=require&sslrootcert=" + ca);
		assertThat(derived.spec().tls().mode()).isEqualTo(SslMode.REQUIRE);
	}

	@Test
	void r2dbcTunnelModeIsRefused() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("r2dbc:postgresql://u@db/app?sslMode=tunnel"))
			.withMessageContaining("sslNegotiation=direct");
	}

	@Test
	void directNegotiationCarriesOver() {
		DerivedConnection derived = derive("postgresql://u@db/app?sslmode=require&sslnegotiation=direct");
		assertThat(derived.jdbc().properties()).contains(entry("sslNegotiation", "direct"));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.SSL_NEGOTIATION))
			.hasToString("DIRECT");
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql://db/app?user=u&sslNegotiation=DIRECT"))
			.withMessageContaining("case-sensitively");
	}

	@Test
	void channelBindingRequireNeedsVerifyFull() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("postgresql://u@db/app?sslmode=require&channel_binding=require"))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("channel_binding"))
			.withMessageContaining("md5");
		String ca = TlsFixtures.certificate(this.home, "ca.pem");
		DerivedConnection derived = derive(
				"postgresql://u@db/app?sslmode=verify-full&channel_binding=require&sslrootcert=" + ca);
		assertThat(derived.jdbc().properties()).contains(entry("channelBinding", "require"));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.CHANNEL_BINDING))
			.hasToString("require");
	}

	@Test
	void channelBindingPreferCarriesOver() {
		DerivedConnection derived = derive("jdbc:postgresql://db/app?user=u&channelBinding=disable");
		assertThat(derived.jdbc().properties()).contains(entry("channelBinding", "disable"));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.CHANNEL_BINDING))
			.hasToString("disable");
	}

	@Test
	void securityWeakeningParametersAreRefused() {
		for (String url : new String[] { "jdbc:postgresql://db/app?user=u&gssEncMode=require",
				"jdbc:postgresql://db/app?user=u&requireAuth=scram-sha-256",
				"jdbc:postgresql://db/app?user=u&sslhostnameverifier=com.example.Lax",
				"jdbc:postgresql://db/app?user=u&socketFactory=com.example.Sockets",
				"postgresql://u@db/app?require_auth=scram-sha-256", "postgresql://u@db/app?sslcrl=/crl.pem",
				"postgresql://u@db/app?sslsni=0", "r2dbc:postgresql://u@db/app?sslSni=false",
				"r2dbc:postgresql://u@db/app?sslHostnameVerifier=com.example.Lax" }) {
			assertThatExceptionOfType(InvalidConnectionUrlException.class).as(url).isThrownBy(() -> derive(url));
		}
	}

	@Test
	void defaultsOfRefusedParametersAreAccepted() {
		DerivedConnection derived = derive("jdbc:postgresql://db/app?user=u&gssEncMode=disable&autosave=never");
		assertThat(derived.jdbc().properties()).contains(entry("gssEncMode", "disable"), entry("autosave", "never"));
		assertThat(derive("postgresql://u@db/app?sslsni=1&gssencmode=disable").spec().tls().mode())
			.isEqualTo(SslMode.PREFER);
	}

	private DerivedConnection derive(String url) {
		return DatabaseUrl.derive(url, null, null, this.home);
	}

}
