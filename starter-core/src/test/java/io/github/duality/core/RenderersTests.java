package io.github.duality.core;

import java.time.Duration;
import java.util.List;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The renderers on their own: a model in, each driver's configuration out.
 */
class RenderersTests {

	@Test
	void minimalSpec() {
		ConnectionSpec spec = spec().build();
		assertThat(JdbcRenderer.render(spec, false).url()).isEqualTo("jdbc:postgresql://db:5432/app");
		assertThat(JdbcRenderer.render(spec, false).properties()).containsOnly(entry("user", "u"),
				entry("sslmode", "prefer"));
		assertThat(R2dbcRenderer.render(spec).maskedOptions()).containsOnly(entry("driver", "postgresql"),
				entry("host", "db"), entry("port", "5432"), entry("database", "app"), entry("user", "u"),
				entry("sslMode", "prefer"));
	}

	@Test
	void jdkTrustStoreIsAFactoryForPgjdbcAndNoRootCertificateForR2dbc() {
		ConnectionSpec spec = spec().resolvedSslMode(SslMode.VERIFY_FULL).build();
		assertThat(JdbcRenderer.render(spec, false).properties()).contains(entry("sslfactory",
				Tls.Trust.JdkTrustStore.PGJDBC_FACTORY));
		assertThat(R2dbcRenderer.render(spec).options().hasOption(PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT))
			.isFalse();
	}

	@Test
	void hostSelectionNeedsFailoverEvenForOneHost() {
		ConnectionSpec spec = spec().targetServerType(TargetServerType.PREFER_SECONDARY)
			.hostRecheck(Duration.ofMillis(2500))
			.build();
		ConnectionFactoryOptions options = R2dbcRenderer.render(spec).options();
		assertThat(options.getValue(ConnectionFactoryOptions.PROTOCOL)).isEqualTo("failover");
		assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db:5432");
		assertThat(options.hasOption(ConnectionFactoryOptions.PORT)).isFalse();
		assertThat(JdbcRenderer.render(spec, false).properties()).contains(entry("targetServerType", "preferSecondary"),
				entry("hostRecheckSeconds", "3"));
		assertThat(JdbcRenderer.render(spec, true).properties()).contains(entry("targetServerType", "primary"));
	}

	@Test
	void pathOnlySettingsStayOnTheirPath() {
		ConnectionSpec spec = spec().pgjdbcOnly("reWriteBatchedInserts", "true").r2dbcOnly("fetchSize", "50").build();
		assertThat(JdbcRenderer.render(spec, false).properties()).containsEntry("reWriteBatchedInserts", "true")
			.doesNotContainKey("fetchSize");
		assertThat(R2dbcRenderer.render(spec).maskedOptions()).containsEntry("fetchSize", "50")
			.doesNotContainKey("reWriteBatchedInserts");
	}

	private static ConnectionSpec.Builder spec() {
		return new ConnectionSpec.Builder(UrlForm.LIBPQ).hosts(List.of(new HostAndPort("db", 5432)))
			.user("u", "test")
			.database("app", "test")
			.resolvedSslMode(SslMode.PREFER);
	}

}
