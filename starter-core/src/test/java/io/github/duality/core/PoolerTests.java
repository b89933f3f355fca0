package io.github.duality.core;

import java.nio.file.Path;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Transaction poolers in front of the URL: the application goes through them, migrations never do. The URL shapes
 * are those of each provider's documentation.
 */
class PoolerTests {

	private static final String PASSWORD = "p00ler-Secr3t";

	@TempDir
	Path home;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			# Neon's pooled and direct connection strings differ by -pooler in the endpoint host
			postgresql://alex:p00ler-Secr3t@ep-cool-darkness-a1b2c3d4-pooler.us-east-2.aws.neon.tech/dbname?sslmode=require | jdbc:postgresql://ep-cool-darkness-a1b2c3d4.us-east-2.aws.neon.tech:5432/dbname | Neon
			# Vercel Postgres is Neon: POSTGRES_URL is pooled, POSTGRES_URL_NON_POOLING the same host without -pooler
			postgres://default:p00ler-Secr3t@ep-quiet-bird-123456-pooler.us-east-1.postgres.vercel-storage.com:5432/verceldb?sslmode=require | jdbc:postgresql://ep-quiet-bird-123456.us-east-1.postgres.vercel-storage.com:5432/verceldb | Neon
			# Supabase's shared pooler (Supavisor): transaction mode on 6543, session mode on 5432 of the same host
			postgres://postgres.apbkobhfnmcqqzqeeqss:p00ler-Secr3t@aws-0-eu-central-1.pooler.supabase.com:6543/postgres | jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:5432/postgres | Supabase (shared pooler, transaction mode)
			# Supabase's dedicated pooler (PgBouncer) on the database host's port 6543
			postgresql://postgres:p00ler-Secr3t@db.apbkobhfnmcqqzqeeqss.supabase.co:6543/postgres?sslmode=verify-full&sslrootcert=system | jdbc:postgresql://db.apbkobhfnmcqqzqeeqss.supabase.co:5432/postgres | Supabase (dedicated pooler, transaction mode)
			# Azure Database for PostgreSQL flexible server: the built-in PgBouncer on port 6432 of the same host
			jdbc:postgresql://shop.postgres.database.azure.com:6432/shop?user=app&password=p00ler-Secr3t&sslmode=require | jdbc:postgresql://shop.postgres.database.azure.com:5432/shop | Azure Database for PostgreSQL (built-in PgBouncer)
			""")
	void providersPoolerGivesItsDirectEndpointForMigrations(String url, String migrationUrl, String provider) {
		DerivedConnection derived = derive(url, null, PoolerHint.AUTO);
		assertThat(derived.pooler()).isNotNull();
		assertThat(derived.pooler().provider()).isEqualTo(provider);
		assertThat(derived.migration().endpoint()).isEqualTo(MigrationPath.Endpoint.PROVIDER_CONVENTION);
		assertThat(derived.migration().describe()).startsWith("derived from " + provider + "'s convention");
		assertThat(derived.migrationJdbc().url()).isEqualTo(migrationUrl);
		// the same role, password and TLS as the application's
		assertThat(derived.migrationJdbc().user()).isEqualTo(derived.jdbc().user());
		assertThat(derived.migrationJdbc().password()).isEqualTo(PASSWORD);
		assertThat(derived.migrationJdbc().properties().getProperty("sslmode"))
			.isEqualTo(derived.jdbc().properties().getProperty("sslmode"));
		// the application path goes through the pooler without server-side prepared statements
		assertThat(derived.jdbc().properties()).contains(entry("prepareThreshold", "0"));
		assertThat(derived.r2dbc().options()
			.getValue(PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES)).isEqualTo(0);
		assertThat(derived.r2dbc().options().getValue(ConnectionFactoryOptions.HOST))
			.isEqualTo(derived.spec().endpoints().hosts().get(0).host());
		assertThat(derived.notes()).anyMatch((note) -> note.startsWith("migrations go to "));
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres://app@db.internal:5432/shop?pgbouncer=true"
				+ "&sslmode=require",
			"postgres://app@pooler.internal:6543/shop?pgbouncer=true" })
	void declaredPoolerWithoutKnownDirectEndpointLeavesMigrationsNone(String url) {
		DerivedConnection derived = derive(url, null, PoolerHint.AUTO);
		assertThat(derived.migration().endpoint()).isEqualTo(MigrationPath.Endpoint.REFUSED);
		assertThatExceptionOfType(TransactionPoolerException.class).isThrownBy(derived::migrationJdbc)
			.withMessageContaining("session-level lock")
			.withMessageContaining("direct endpoint");
		// the application path stays usable
		assertThat(derived.r2dbc().options()
			.getValue(PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES)).isEqualTo(0);
	}

	@Test
	void poolerHintTransactionMarksAnyPortAsPooled() {
		DerivedConnection derived = derive("postgres://app@db.internal:5432/shop", null, PoolerHint.TRANSACTION);
		assertThatExceptionOfType(TransactionPoolerException.class).isThrownBy(derived::migrationJdbc)
			.satisfies((ex) -> assertThat(ex.getPooler().evidence()).isEqualTo("duality.pooler=transaction"));
	}

	@Test
	void poolerHintNoneTrustsTheUrlForMigrations() {
		DerivedConnection derived = derive("postgres://app@db.internal:6432/shop", null, PoolerHint.NONE);
		assertThat(derived.pooler()).isNull();
		assertThat(derived.migration().endpoint()).isEqualTo(MigrationPath.Endpoint.APPLICATION_URL);
		assertThat(derived.migrationJdbc().url()).isEqualTo("jdbc:postgresql://db.internal:6432/shop");
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgres://app@db.internal:5432/shop", "postgres://app@bouncer.internal:6432/shop",
			"postgres://app@db.internal:6543/shop" })
	void portAloneIsNoProofOfAPooler(String url) {
		DerivedConnection derived = derive(url, null, PoolerHint.AUTO);
		assertThat(derived.pooler()).isNull();
		assertThat(derived.migration().endpoint()).isEqualTo(MigrationPath.Endpoint.APPLICATION_URL);
		assertThat(derived.jdbc().properties()).doesNotContainKey("prepareThreshold");
	}

	@Test
	void migrationUrlTakesWhatItLeavesOutFromTheApplicationUrl() {
		DerivedConnection derived = derive("postgres://app:" + PASSWORD + "@bouncer.internal:6432/shop?pgbouncer=true"
				+ "&sslmode=require&options=-c%20search_path%3Dsales&application_name=orders",
				"postgresql://db.internal:5432", PoolerHint.AUTO);
		assertThat(derived.migration().endpoint()).isEqualTo(MigrationPath.Endpoint.MIGRATION_URL);
		assertThat(derived.migrationJdbc().url()).isEqualTo("jdbc:postgresql://db.internal:5432/shop");
		assertThat(derived.migrationJdbc().properties()).contains(entry("user", "app"), entry("password", PASSWORD),
				entry("sslmode", "require"), entry("ApplicationName", "orders"))
			.doesNotContainKey("prepareThreshold");
		assertThat(derived.migrationJdbc().properties()).contains(entry("currentSchema", "sales"));
		assertThat(derived.migration().maskedInput()).isEqualTo("postgresql://db.internal:5432");
	}

	@Test
	void migrationUrlMayNameItsOwnRoleAndStrongerTls() {
		DerivedConnection derived = derive("postgres://app:" + PASSWORD + "@bouncer.internal:6432/shop?pgbouncer=true"
				+ "&sslmode=require",
				"jdbc:postgresql://db.internal/shop?user=owner&password=0wner-Secr3t&sslmode=verify-full"
						+ "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory",
				PoolerHint.AUTO);
		assertThat(derived.migrationJdbc().properties()).contains(entry("user", "owner"),
				entry("password", "0wner-Secr3t"), entry("sslmode", "verify-full"));
		assertThat(derived.migration().maskedInput()).doesNotContain("0wner-Secr3t");
		assertThat(derived.toString()).doesNotContain("0wner-Secr3t").doesNotContain(PASSWORD);
	}

	@Test
	void migrationUrlToAnotherDatabaseIsRefused() {
		assertThatExceptionOfType(MigrationUrlException.class)
			.isThrownBy(() -> derive("postgres://app:" + PASSWORD + "@bouncer.internal:6432/shop?pgbouncer=true",
					"postgres://db.internal:5432/shop_staging", PoolerHint.AUTO))
			.withMessageContaining("'shop_staging'")
			.withMessageContaining("'shop'")
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("database"));
	}

	@Test
	void migrationUrlWithWeakerTlsIsRefused() {
		assertThatExceptionOfType(MigrationUrlException.class)
			.isThrownBy(() -> derive("postgres://app:" + PASSWORD + "@bouncer.internal:6432/shop?pgbouncer=true"
					+ "&sslmode=verify-full&sslrootcert=system", "postgres://db.internal:5432/shop?sslmode=require", PoolerHint.AUTO))
			.withMessageContaining("sslmode require")
			.withMessageContaining("sslmode verify-full")
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("sslmode"));
	}

	@Test
	void migrationUrlThroughAKnownPoolerIsRefused() {
		assertThatExceptionOfType(MigrationUrlException.class)
			.isThrownBy(() -> derive("postgres://app:" + PASSWORD + "@bouncer.internal:6432/shop?pgbouncer=true",
					"postgres://ep-a-1-pooler.eu-central-1.aws.neon.tech/shop", PoolerHint.AUTO))
			.withMessageContaining("goes through Neon's transaction pooler")
			.withMessageContaining("without -pooler");
	}

	@Test
	void migrationUrlErrorsAreMaskedAndSaySo() {
		assertThatExceptionOfType(MigrationUrlException.class)
			.isThrownBy(() -> derive("postgres://app:" + PASSWORD + "@bouncer.internal:6432/shop?pgbouncer=true",
					"postgres://owner:0wner-Secr3t@db.internal:5432/shop?sslMode=require", PoolerHint.AUTO))
			.withMessageStartingWith("In the migration URL: ")
			.withMessageNotContaining("0wner-Secr3t")
			.withMessageNotContaining(PASSWORD);
	}

	@Test
	void refusedMigrationPathSaysWhatToGive() {
		DerivedConnection derived = derive(
				"postgres://app:" + PASSWORD + "@bouncer.internal:6432/shop?pgbouncer=true", null, PoolerHint.AUTO);
		TransactionPoolerException refusal = derived.migration().refusal().orElseThrow();
		assertThat(refusal.getParameter()).isEqualTo("pgbouncer");
		assertThat(refusal.getFix()).contains("the database server's own host and port, or a session-mode pooler");
		assertThat(refusal.getMessage()).doesNotContain(PASSWORD);
	}

	private DerivedConnection derive(String url, @Nullable String migrationUrl, PoolerHint hint) {
		return DatabaseUrl.derive(url, null, null, migrationUrl, hint, this.home, FileChecks.READ);
	}

}
