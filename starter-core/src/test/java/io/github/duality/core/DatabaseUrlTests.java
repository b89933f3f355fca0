package io.github.duality.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.duality.core.model.ConnectionSpec;
import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.SslMode;
import io.github.duality.core.model.TargetServerType;
import io.github.duality.core.model.UrlForm;
import io.r2dbc.postgresql.MultiHostConnectionStrategy;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * The entry point: accepted forms, the three conversions of the issue, refusal of what is no URL at all.
 */
class DatabaseUrlTests {

	@TempDir
	Path home;

	@Test
	void libpqUriWithVerifyFull() {
		String ca = TlsFixtures.certificate(this.home, "ca.pem");
		DerivedConnection derived = derive("postgres://u:p%40ss@db.example.com:5432/app?sslmode=verify-full&sslrootcert="
				+ ca);
		assertThat(derived.jdbc().url()).isEqualTo("jdbc:postgresql://db.example.com:5432/app");
		assertThat(derived.jdbc().properties()).containsOnly(entry("user", "u"), entry("password", "p@ss"),
				entry("sslmode", "verify-full"), entry("sslrootcert", ca));
		ConnectionFactoryOptions options = derived.r2dbc().options();
		assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db.example.com");
		assertThat(options.getValue(ConnectionFactoryOptions.PORT)).isEqualTo(5432);
		assertThat(options.getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("app");
		assertThat(options.getValue(ConnectionFactoryOptions.USER)).isEqualTo("u");
		assertThat(options.getValue(ConnectionFactoryOptions.PASSWORD)).hasToString("p@ss");
		assertThat(options.getValue(PostgresqlConnectionFactoryProvider.SSL_MODE)).isEqualTo(SSLMode.VERIFY_FULL);
		assertThat(options.getValue(PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT)).isEqualTo(ca);
		assertThat(options.hasOption(ConnectionFactoryOptions.PROTOCOL)).isFalse();
		assertThat(derived.spec().tls().mode()).isEqualTo(SslMode.VERIFY_FULL);
		assertThat(derived.spec().tls().mode().libpqName()).isEqualTo("verify-full");
	}

	@Test
	void jdbcUrlWithHostListAndSession() {
		DerivedConnection derived = derive("jdbc:postgresql://h1:5432,h2:5433/app?targetServerType=primary"
				+ "&connectTimeout=10&currentSchema=s1&ApplicationName=x", "u", null);
		ConnectionFactoryOptions options = derived.r2dbc().options();
		assertThat(options.getValue(ConnectionFactoryOptions.PROTOCOL)).isEqualTo("failover");
		assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("h1:5432,h2:5433");
		assertThat(options.hasOption(ConnectionFactoryOptions.PORT)).isFalse();
		assertThat(options.getValue(ConnectionFactoryOptions.CONNECT_TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.getValue(PostgresqlConnectionFactoryProvider.CURRENT_SCHEMA)).isEqualTo("s1");
		assertThat(options.getValue(PostgresqlConnectionFactoryProvider.APPLICATION_NAME)).isEqualTo("x");
		assertThat(options.getValue(PostgresqlConnectionFactoryProvider.TARGET_SERVER_TYPE))
			.isEqualTo(MultiHostConnectionStrategy.TargetServerType.PRIMARY);
		assertThat(derived.jdbc().url()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/app");
		assertThat(derived.jdbc().properties()).contains(entry("connectTimeout", "10"), entry("currentSchema", "s1"),
				entry("ApplicationName", "x"), entry("targetServerType", "primary"), entry("sslmode", "prefer"));
		assertThat(derived.notes()).contains("connectTimeout=10 (seconds) -> r2dbc connectTimeout PT10S",
				"sslmode not set: using prefer on both paths (r2dbc's own default is disable)");
	}

	@Test
	void asyncpgUrlWithSslRequire() {
		DerivedConnection derived = derive("postgresql+asyncpg://u:pw@host/app?ssl=require");
		assertThat(derived.jdbc().properties()).contains(entry("sslmode", "require"));
		assertThat(derived.r2dbc().options().getValue(PostgresqlConnectionFactoryProvider.SSL_MODE))
			.isEqualTo(SSLMode.REQUIRE);
		assertThat(derived.spec().form()).isEqualTo(UrlForm.SQLALCHEMY);
		assertThat(derived.notes()).contains("SQLAlchemy driver suffix +asyncpg dropped; the URL is read with libpq's "
				+ "rules");
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:postgresql://db:6000/app?user=u&password=pw",
			"postgres://u:pw@db:6000/app", "postgresql://u:pw@db:6000/app", "postgresql+psycopg2://u:pw@db:6000/app",
			"postgresql+psycopg://u:pw@db:6000/app", "postgresql+pg8000://u:pw@db:6000/app",
			"postgresql+asyncpg://u:pw@db:6000/app", "r2dbc:postgresql://u:pw@db:6000/app",
			"r2dbc:postgres://u:pw@db:6000/app", "r2dbc:pool:postgresql://u:pw@db:6000/app" })
	void everyFormReachesTheSameServer(String url) {
		ConnectionSpec spec = derive(url).spec();
		assertThat(spec.endpoints().hosts()).containsExactly(new HostAndPort("db", 6000));
		assertThat(spec.session().database()).isEqualTo("app");
		assertThat(spec.credentials().user()).isEqualTo("u");
		assertThat(spec.credentials().password()).isEqualTo("pw");
	}

	@Test
	void r2dbcFailoverUrl() {
		DerivedConnection derived = derive("r2dbc:postgresql:failover://u:pw@h1:5432,h2/app?targetServerType=secondary");
		assertThat(derived.spec().endpoints().hosts()).containsExactly(new HostAndPort("h1", 5432), new HostAndPort("h2", 5432));
		assertThat(derived.spec().endpoints().targetServerType()).isEqualTo(TargetServerType.SECONDARY);
		assertThat(derived.jdbc().url()).isEqualTo("jdbc:postgresql://h1:5432,h2:5432/app");
		assertThat(derived.jdbc().properties()).contains(entry("targetServerType", "secondary"));
	}

	@Test
	void pgjdbcUrlWithoutHostMeansLocalhost() {
		DerivedConnection derived = derive("jdbc:postgresql:app?user=u");
		assertThat(derived.spec().endpoints().hosts()).containsExactly(new HostAndPort("localhost", 5432));
		assertThat(derived.notes()).contains("no host in the URL: localhost:5432 (pgjdbc's default)");
	}

	@Test
	void databaseDefaultsToTheUser() {
		DerivedConnection derived = derive("postgresql://alice@db");
		assertThat(derived.spec().session().database()).isEqualTo("alice");
		assertThat(derived.jdbc().url()).isEqualTo("jdbc:postgresql://db:5432/alice");
		assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.DATABASE)).isEqualTo("alice");
	}

	@Test
	void databaseNameWithCharactersEachDecoderReadsDifferently() {
		// libpq keeps '+', pgjdbc form-decodes the database: the JDBC URL must encode it
		DerivedConnection derived = derive("postgresql://u@db/my+db%20%2Fx");
		assertThat(derived.spec().session().database()).isEqualTo("my+db /x");
		assertThat(derived.jdbc().url()).isEqualTo("jdbc:postgresql://db:5432/my%2Bdb+%2Fx");
		assertThat(org.postgresql.Driver.parseURL(derived.jdbc().url(), null).getProperty("PGDBNAME"))
			.isEqualTo("my+db /x");
	}

	@Test
	void migrationTargetAlwaysAimsAtThePrimary() {
		DerivedConnection derived = derive("jdbc:postgresql://h1,h2/app?user=u&targetServerType=preferSecondary"
				+ "&loadBalanceHosts=true");
		assertThat(derived.jdbc().properties()).contains(entry("targetServerType", "preferSecondary"),
				entry("loadBalanceHosts", "true"));
		assertThat(derived.migrationJdbc().properties()).contains(entry("targetServerType", "primary"))
			.doesNotContainKey("loadBalanceHosts");
		assertThat(derived.migrationJdbc().url()).isEqualTo(derived.jdbc().url());
	}

	@Test
	void singleHostMigrationTargetAlsoAsksForThePrimary() {
		DerivedConnection derived = derive("postgresql://u@db/app");
		assertThat(derived.jdbc().properties()).doesNotContainKey("targetServerType");
		assertThat(derived.migrationJdbc().properties()).contains(entry("targetServerType", "primary"));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "   " })
	void missingUrlIsRefused(String url) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> derive(url))
			.withMessageContaining("No database URL");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mysql://u:pw@h/db", "jdbc:mysql://h/db", "JDBC:postgresql://h/db",
			"R2DBC:postgresql://u@h/db", "h:5432/db", "postgresql+unknowndriver://u@h/db", "r2dbc:mysql://u@h/db",
			"r2dbc:postgresql:cluster://u@h/db" })
	void otherFormsAreRefused(String url) {
		assertThatExceptionOfType(InvalidConnectionUrlException.class).isThrownBy(() -> derive(url));
	}

	@Test
	void publicEntryPointUsesTheRealHome() {
		DerivedConnection derived = DatabaseUrl.derive("postgresql://u:pw@db/app", null, null);
		assertThat(derived.maskedInput()).isEqualTo("postgresql://u:****@db/app");
	}

	@Test
	void notesAreReadOnly() {
		List<String> notes = derive("postgresql://u@db/app").notes();
		assertThat(notes).isUnmodifiable();
	}

	@Test
	void specToStringNamesTheMeaning() {
		ConnectionSpec spec = derive("postgresql://u:secret1@db/app?application_name=shop&options=-c%20search_path%3Ds1")
			.spec();
		assertThat(spec.toString()).contains("form=LIBPQ", "hosts=[db:5432]", "database=app", "user=u",
				"password=****", "mode=prefer", "schema=s1", "applicationName=shop", "targetServerType=any")
			.doesNotContain("secret1");
		assertThat(spec.session().settings()).isEqualTo(Map.of());
	}

	private DerivedConnection derive(String url) {
		return derive(url, null, null);
	}

	private DerivedConnection derive(String url, String username, String password) {
		return DatabaseUrl.derive(url, username, password, this.home);
	}

}
