package io.github.duality.core.render;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.duality.core.R2dbcTarget;
import io.github.duality.core.model.ConnectionSpec;
import io.github.duality.core.model.Credentials;
import io.github.duality.core.model.Endpoints;
import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.Session;
import io.github.duality.core.model.SocketOptions;
import io.github.duality.core.model.SslMode;
import io.github.duality.core.model.TargetServerType;
import io.github.duality.core.model.Tls;
import io.github.duality.core.model.UrlForm;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The renderers on their own: a model in, each driver's configuration out.
 */
class RenderersTests {

	@Test
	void minimalSpec() {
		ConnectionSpec spec = spec(SslMode.PREFER, new Tls.Trust.None(), TargetServerType.ANY, null, Map.of(),
				Map.of());
		assertThat(JdbcRenderer.url(spec)).isEqualTo("jdbc:postgresql://db:5432/app");
		assertThat(JdbcRenderer.properties(spec, false)).containsOnly(entry("user", "u"),
				entry("sslmode", "prefer"));
		assertThat(new R2dbcTarget(R2dbcRenderer.render(spec)).maskedOptions()).containsOnly(
				entry("driver", "postgresql"),
				entry("host", "db"), entry("port", "5432"), entry("database", "app"), entry("user", "u"),
				entry("sslMode", "prefer"));
	}

	@Test
	void jdkTrustStoreIsAFactoryForPgjdbcAndNoRootCertificateForR2dbc() {
		ConnectionSpec spec = spec(SslMode.VERIFY_FULL, new Tls.Trust.JdkTrustStore(), TargetServerType.ANY, null,
				Map.of(), Map.of());
		assertThat(JdbcRenderer.properties(spec, false)).contains(entry("sslfactory",
				Tls.Trust.JdkTrustStore.PGJDBC_FACTORY));
		assertThat(R2dbcRenderer.render(spec).hasOption(PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT))
			.isFalse();
	}

	@Test
	void hostSelectionNeedsFailoverEvenForOneHost() {
		ConnectionSpec spec = spec(SslMode.PREFER, new Tls.Trust.None(), TargetServerType.PREFER_SECONDARY,
				Duration.ofMillis(2500), Map.of(), Map.of());
		ConnectionFactoryOptions options = R2dbcRenderer.render(spec);
		assertThat(options.getValue(ConnectionFactoryOptions.PROTOCOL)).isEqualTo("failover");
		assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db:5432");
		assertThat(options.hasOption(ConnectionFactoryOptions.PORT)).isFalse();
		assertThat(JdbcRenderer.properties(spec, false)).contains(entry("targetServerType", "preferSecondary"),
				entry("hostRecheckSeconds", "3"));
		assertThat(JdbcRenderer.properties(spec, true)).contains(entry("targetServerType", "primary"));
	}

	@Test
	void pathOnlySettingsStayOnTheirPath() {
		ConnectionSpec spec = spec(SslMode.PREFER, new Tls.Trust.None(), TargetServerType.ANY, null,
				Map.of("reWriteBatchedInserts", "true"), Map.of("fetchSize", "50"));
		assertThat(JdbcRenderer.properties(spec, false)).containsEntry("reWriteBatchedInserts", "true")
			.doesNotContainKey("fetchSize");
		assertThat(new R2dbcTarget(R2dbcRenderer.render(spec)).maskedOptions()).containsEntry("fetchSize", "50")
			.doesNotContainKey("reWriteBatchedInserts");
	}

	/** The model for user u and database app on db:5432, as the rules would resolve it. */
	private static ConnectionSpec spec(SslMode mode, Tls.Trust trust, TargetServerType targetServerType,
			@Nullable Duration hostRecheck, Map<String, String> pgjdbcOnly, Map<String, String> r2dbcOnly) {
		return new ConnectionSpec(UrlForm.LIBPQ,
				new Endpoints(List.of(new HostAndPort("db", 5432)), targetServerType, false, hostRecheck),
				new Credentials("u", null), new Session("app", null, null, Map.of(), null),
				new Tls(mode, trust, null, null, null, false, null), new SocketOptions(null, null, null), pgjdbcOnly,
				r2dbcOnly);
	}

}
