package io.github.duality.core.render;

import java.util.stream.Collectors;

import io.github.duality.core.model.ConnectionSpec;
import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.SslMode;
import io.github.duality.core.model.Tls;
import io.github.duality.core.parameter.Carry;
import io.github.duality.core.parameter.Parameter;
import io.github.duality.core.tls.R2dbcTlsCustomizer;
import io.github.duality.core.tls.TlsMaterial;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.jspecify.annotations.Nullable;

/**
 * Renders the r2dbc-postgresql target as options built one by one, typed as the driver declares them. The carried
 * rows of {@link Parameter} write their own options; written here by hand are the hosts (several hosts, or a host
 * selection, use r2dbc's failover protocol, whose host list carries the ports: a PORT option would make r2dbc reject
 * it), the trust anchors and client keys, and the verify-ca customizer.
 */
public final class R2dbcRenderer {

	private R2dbcRenderer() {
	}

	public static ConnectionFactoryOptions render(ConnectionSpec spec) {
		ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, PostgresqlConnectionFactoryProvider.POSTGRESQL_DRIVER);
		if (spec.endpoints().needsFailover()) {
			options.option(ConnectionFactoryOptions.PROTOCOL, PostgresqlConnectionFactoryProvider.FAILOVER_PROTOCOL)
				.option(ConnectionFactoryOptions.HOST,
						spec.endpoints().hosts().stream().map(HostAndPort::toString).collect(Collectors.joining(",")));
		}
		else {
			HostAndPort host = spec.endpoints().hosts().get(0);
			options.option(ConnectionFactoryOptions.HOST, host.hostForUrl())
				.option(ConnectionFactoryOptions.PORT, host.port());
		}
		for (Parameter parameter : Parameter.table()) {
			parameter.carry().flatMap(Carry::r2dbcWriter).ifPresent((writer) -> writer.write(spec, options));
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
		spec.r2dbcOnly().forEach((name, value) -> options.option(Option.valueOf(name), value));
		return options.build();
	}

	private static <T> void setIfPresent(ConnectionFactoryOptions.Builder options, Option<T> option, @Nullable T value) {
		if (value != null) {
			options.option(option, value);
		}
	}

}
