package io.github.duality.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Renders the pgjdbc target: a URL with hosts and database only (pgjdbc form-decodes the database, so it is
 * form-encoded here), everything else, credentials first, as connection properties.
 */
final class JdbcRenderer {

	static final String JDK_TRUST_STORE_FACTORY = "org.postgresql.ssl.DefaultJavaSSLFactory";

	private JdbcRenderer() {
	}

	/**
	 * @param spec the model
	 * @param forMigrations whether the target is for migrations, which always go to the primary
	 */
	static JdbcTarget render(ConnectionSpec spec, boolean forMigrations) {
		String hosts = spec.endpoints().hosts().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
		String url = JdbcUrlParser.PREFIX + "//" + hosts + "/"
				+ URLEncoder.encode(spec.session().database(), StandardCharsets.UTF_8);
		Properties properties = new Properties();
		spec.pgjdbcOnly().forEach(properties::setProperty);
		properties.setProperty("user", spec.credentials().user());
		setIfPresent(properties, "password", spec.credentials().password());
		properties.setProperty("sslmode", spec.tls().mode().libpqName());
		setIfPresent(properties, "sslrootcert", spec.tls().rootCertificateFile());
		if (spec.tls().trust() instanceof Tls.Trust.JdkTrustStore) {
			properties.setProperty("sslfactory", JDK_TRUST_STORE_FACTORY);
		}
		setIfPresent(properties, "sslcert", spec.tls().clientCertificate());
		setIfPresent(properties, "sslkey", spec.tls().clientKey());
		if (spec.tls().directNegotiation()) {
			properties.setProperty("sslNegotiation", "direct");
		}
		setIfPresent(properties, "channelBinding", spec.tls().channelBinding());
		setIfPresent(properties, "currentSchema", spec.session().schema());
		setIfPresent(properties, "ApplicationName", spec.session().applicationName());
		if (!spec.session().settings().isEmpty()) {
			properties.setProperty("options", SessionSettings.formatCommandLine(spec.session().settings()));
		}
		if (spec.socket().connectTimeout() != null) {
			properties.setProperty("connectTimeout",
					Long.toString(Durations.toWholeSecondsRoundedUp(spec.socket().connectTimeout())));
		}
		if (forMigrations) {
			properties.setProperty("targetServerType", TargetServerType.PRIMARY.propertyValue());
		}
		else {
			if (spec.endpoints().targetServerType() != TargetServerType.ANY) {
				properties.setProperty("targetServerType", spec.endpoints().targetServerType().propertyValue());
			}
			if (spec.endpoints().loadBalanceHosts()) {
				properties.setProperty("loadBalanceHosts", "true");
			}
		}
		if (spec.endpoints().hostRecheck() != null) {
			properties.setProperty("hostRecheckSeconds",
					Long.toString(Durations.toWholeSecondsRoundedUp(spec.endpoints().hostRecheck())));
		}
		setIfPresent(properties, "tcpKeepAlive", spec.socket().tcpKeepAlive());
		setIfPresent(properties, "tcpNoDelay", spec.socket().tcpNoDelay());
		setIfPresent(properties, "preparedStatementCacheQueries", spec.session().preparedStatementCacheQueries());
		return new JdbcTarget(url, properties);
	}

	private static void setIfPresent(Properties properties, String name, @Nullable Object value) {
		if (value != null) {
			properties.setProperty(name, value.toString());
		}
	}

}
