package io.github.duality.core;

import java.nio.file.Path;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.model.SslMode;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * URLs as hosted-database providers hand them out, pasted as they are.
 */
class ProviderUrlTests {

	private static final String PASSWORD = "n3on-Secr3t";

	@TempDir
	Path home;

	@Test
	void supabasePgbouncerFlagMeansNoServerSidePreparedStatementsOnTheApplicationPath() {
		DerivedConnection derived = derive("postgresql://postgres.abc:" + PASSWORD + "@aws-0-eu-central-1.pooler"
				+ ".supabase.com:6543/postgres?pgbouncer=true&sslmode=require");
		assertThat(derived.jdbc().properties()).contains(entry("prepareThreshold", "0"),
				entry("preparedStatementCacheQueries", "0"));
		assertThat(derived.r2dbc().options()
			.getValue(PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES)).isEqualTo(0);
		assertThat(derived.notes()).anyMatch((note) -> note.contains("no server-side prepared statements"));
		// migrations go to the pooler's session mode, which keeps prepared statements
		assertThat(derived.migrationJdbc().url()).contains(".pooler.supabase.com:5432/");
		assertThat(derived.migrationJdbc().properties()).doesNotContainKeys("prepareThreshold",
				"preparedStatementCacheQueries");
	}

	@Test
	void pgbouncerFalseChangesNothing() {
		DerivedConnection derived = derive("postgresql://u@db/app?pgbouncer=false");
		assertThat(derived.jdbc().properties()).doesNotContainKeys("prepareThreshold", "preparedStatementCacheQueries");
	}

	@Test
	void cloudSqlSocketFactoryIsNamedAsTheCauseNotItsInstanceProperty() {
		assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive("jdbc:postgresql:///app?user=u&cloudSqlInstance=project:region:instance"
					+ "&socketFactory=com.google.cloud.sql.postgres.SocketFactory"))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("socketFactory"))
			.withMessageContaining("cloudSqlInstance")
			.withMessageContaining("Cloud SQL Auth Proxy");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"postgresql://neondb_owner:" + PASSWORD + "@ep-cool-darkness-123456.eu-central-1.aws.neon.tech/neondb"
					+ "?sslmode=require&channel_binding=require",
			"jdbc:postgresql://ep-cool-darkness-123456.eu-central-1.aws.neon.tech/neondb?user=neondb_owner"
					+ "&password=" + PASSWORD + "&sslmode=require&channelBinding=require",
			"r2dbc:postgresql://neondb_owner:" + PASSWORD + "@ep-cool-darkness-123456.eu-central-1.aws.neon.tech/neondb"
					+ "?sslMode=require&channelBinding=require" })
	void neonChannelBindingRefusalGivesTheUrlThatWorksOnBothPaths(String url) {
		InvalidConnectionUrlException refusal = assertThatExceptionOfType(InvalidConnectionUrlException.class)
			.isThrownBy(() -> derive(url))
			.actual();
		assertThat(refusal.getMessage()).doesNotContain(PASSWORD);
		String fix = refusal.getFix();
		String fixedUrl = fix.substring(fix.indexOf(": ") + 2, fix.indexOf(" (your password"));
		DerivedConnection fixed = derive(fixedUrl.replace(Secrets.MASK, PASSWORD));
		assertThat(fixed.spec().tls().mode()).isEqualTo(SslMode.VERIFY_FULL);
		assertThat(fixed.spec().tls().channelBinding()).isEqualTo("require");
		assertThat(fixed.spec().credentials().password()).isEqualTo(PASSWORD);
		assertThat(fixed.spec().endpoints().hosts().get(0).host()).startsWith("ep-cool-darkness-123456");
	}

	private DerivedConnection derive(String url) {
		return DatabaseUrl.derive(url, null, null, this.home);
	}

}
