package io.github.duality.core;

import java.util.stream.Collectors;

import io.r2dbc.postgresql.MultiHostConnectionStrategy;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.client.ChannelBindingMode;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.postgresql.client.SSLNegotiation;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
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
		if (spec.needsFailover()) {
			options.option(ConnectionFactoryOptions.PROTOCOL, PostgresqlConnectionFactoryProvider.FAILOVER_PROTOCOL)
				.option(ConnectionFactoryOptions.HOST,
						spec.hosts().stream().map(HostAndPort::toString).collect(Collectors.joining(",")))
				.option(PostgresqlConnectionFactoryProvider.TARGET_SERVER_TYPE,
						MultiHostConnectionStrategy.TargetServerType.fromValue(spec.targetServerType().propertyValue()))
				.option(PostgresqlConnectionFactoryProvider.LOAD_BALANCE_HOSTS, spec.loadBalanceHosts());
			if (spec.hostRecheck() != null) {
				options.option(PostgresqlConnectionFactoryProvider.HOST_RECHECK_TIME, spec.hostRecheck());
			}
		}
		else {
			HostAndPort host = spec.hosts().get(0);
			options.option(ConnectionFactoryOptions.HOST, host.hostForUrl())
				.option(ConnectionFactoryOptions.PORT, host.port());
		}
		options.option(ConnectionFactoryOptions.DATABASE, spec.database())
			.option(ConnectionFactoryOptions.USER, spec.user())
			.option(PostgresqlConnectionFactoryProvider.SSL_MODE, SSLMode.fromValue(spec.sslMode().libpqName()));
		if (spec.password() != null) {
			options.option(ConnectionFactoryOptions.PASSWORD, spec.password());
		}
		if (spec.sslMode() == SslMode.VERIFY_CA) {
			options.option(PostgresqlConnectionFactoryProvider.SSL_CONTEXT_BUILDER_CUSTOMIZER,
					CertificateOnlyVerification.INSTANCE);
		}
		setIfPresent(options, PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT, spec.sslRootCert());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.SSL_CERT, spec.sslCert());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.SSL_KEY, spec.sslKey());
		if (spec.directSslNegotiation()) {
			options.option(PostgresqlConnectionFactoryProvider.SSL_NEGOTIATION, SSLNegotiation.DIRECT);
		}
		if (spec.channelBinding() != null) {
			options.option(PostgresqlConnectionFactoryProvider.CHANNEL_BINDING,
					ChannelBindingMode.fromValue(spec.channelBinding()));
		}
		setIfPresent(options, PostgresqlConnectionFactoryProvider.CURRENT_SCHEMA, spec.schema());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.APPLICATION_NAME, spec.applicationName());
		if (!spec.sessionSettings().isEmpty()) {
			options.option(PostgresqlConnectionFactoryProvider.OPTIONS, spec.sessionSettings());
		}
		setIfPresent(options, ConnectionFactoryOptions.CONNECT_TIMEOUT, spec.connectTimeout());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.TCP_KEEPALIVE, spec.tcpKeepAlive());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.TCP_NODELAY, spec.tcpNoDelay());
		setIfPresent(options, PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES,
				spec.preparedStatementCacheQueries());
		spec.r2dbcOnly().forEach((name, value) -> options.option(Option.valueOf(name), value));
		return new R2dbcTarget(options.build());
	}

	private static <T> void setIfPresent(ConnectionFactoryOptions.Builder options, Option<T> option, @Nullable T value) {
		if (value != null) {
			options.option(option, value);
		}
	}

}
