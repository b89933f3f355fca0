package io.github.duality.core;

import java.util.stream.Collectors;

import io.r2dbc.postgresql.MultiHostConnectionStrategy;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.ChannelBindingMode;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.postgresql.client.SSLNegotiation;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.github.duality.core.tls.R2dbcTlsCustomizer;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * Renders the r2dbc-postgresql target as options built one by one, typed as the driver declares them. Several hosts,
 * or a host selection, use r2dbc's failover protocol, whose host list carries the ports (a PORT option would make
 * r2dbc reject it).
 */
final class R2dbcRenderer {

	private R2dbcRenderer() {
	}

	static R2dbcTarget render(ConnectionSpec spec) {
		ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, PostgresqlConnectionFactoryProvider.POSTGRESQL_DRIVER);
		if (spec.endpoints().needsFailover()) {
			options.option(ConnectionFactoryOptions.PROTOCOL, PostgresqlConnectionFactoryProvider.FAILOVER_PROTOCOL)
				.option(ConnectionFactoryOptions.HOST,
						spec.endpoints().hosts().stream().map(HostAndPort::toString).collect(Collectors.joining(",")))
				.option(PostgresqlConnectionFactoryProvider.TARGET_SERVER_TYPE,
						MultiHostConnectionStrategy.TargetServerType.fromValue(spec.endpoints().targetServerType().propertyValue()))
				.option(PostgresqlConnectionFactoryProvider.LOAD_BALANCE_HOSTS, spec.endpoints().loadBalanceHosts());
			if (spec.endpoints().hostRecheck() != null) {
				options.option(PostgresqlConnectionFactoryProvider.HOST_RECHECK_TIME, spec.endpoints().hostRecheck());
			}
		}
		else {
			HostAndPort host = spec.endpoints().hosts().get(0);
			options.option(ConnectionFactoryOptions.HOST, host.hostForUrl())
				.option(ConnectionFactoryOptions.PORT, host.port());
		}
		options.option(ConnectionFactoryOptions.DATABASE, spec.session().database())
			.option(ConnectionFactoryOptions.USER, spec.credentials().user())
			.option(PostgresqlConnectionFactoryProvider.SSL_MODE, SSLMode.fromValue(spec.tls().mode().libpqName()));
		if (spec.credentials().password() != null) {
			options.option(ConnectionFactoryOptions.PASSWORD, spec.credentials().password());
		}
		TlsMaterial material = spec.tls().material();
		if (material != null) {
			options.option(PostgresqlConnectionFactoryProvider.SSL_CONTEXT_BUILDER_CUSTOMIZER,
					new R2dbcTlsCustomizer(material, spec.tls().trust() instanceof Tls.Trust.OfMaterial,
							spec.tls().mode() != SslMode.VERIFY_CA));
		}
		else if (spec.tls().mode() == SslMode.VERIFY_CA) {
			options.option(PostgresqlConnectionFactoryProvider.SSL_CONTEXT_BUILDER_CUSTOMIZER,
					CertificateOnlyVerification.INSTANCE);
		}
		setIfPresent(options, PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT, spec.tls().rootCertificateFile());
		if (material == null) {
			// the files were not read here (FileChecks.SKIP): named as they are, for explain
			setIfPresent(options, PostgresqlConnectionFactoryProvider.SSL_CERT, spec.tls().clientCertificate());
			setIfPresent(options, PostgresqlConnectionFactoryProvider.SSL_KEY, spec.tls().clientKey());
		}
		if (spec.tls().directNegotiation()) {
			options.option(PostgresqlConnectionFactoryProvider.SSL_NEGOTIATION, SSLNegotiation.DIRECT);
		}
		if (spec.tls().channelBinding() != null) {
			options.option(PostgresqlConnectionFactoryProvider.CHANNEL_BINDING,
					ChannelBindingMode.fromValue(spec.tls().channelBinding()));
		}
		setIfPresent(options, PostgresqlConnectionFactoryProvider.CURRENT_SCHEMA, spec.session().schema());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.APPLICATION_NAME, spec.session().applicationName());
		if (!spec.session().settings().isEmpty()) {
			options.option(PostgresqlConnectionFactoryProvider.OPTIONS, spec.session().settings());
		}
		setIfPresent(options, ConnectionFactoryOptions.CONNECT_TIMEOUT, spec.socket().connectTimeout());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE, spec.socket().tcpKeepAlive());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.TCP_NODELAY, spec.socket().tcpNoDelay());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES,
				spec.session().preparedStatementCacheQueries());
		spec.r2dbcOnly().forEach((name, value) -> options.option(Option.valueOf(name), value));
		return new R2dbcTarget(options.build());
	}

	private static <T> void setIfPresent(ConnectionFactoryOptions.Builder options, Option<T> option, @Nullable T value) {
		if (value != null) {
			options.option(option, value);
		}
	}

}
