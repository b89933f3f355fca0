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
		String hosts = spec.hosts().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
		String url = JdbcUrlParser.PREFIX + "//" + hosts + "/"
				+ URLEncoder.encode(spec.database(), StandardCharsets.UTF_8);
		Properties properties = new Properties();
		properties.putAll(spec.pgjdbcOnly());
		properties.setProperty("user", spec.user());
		setIfPresent(properties, "password", spec.password());
		properties.setProperty("sslmode", spec.sslMode().libpqName());
		setIfPresent(properties, "sslrootcert", spec.sslRootCert());
		if (spec.sslMode().verifiesCertificate() && spec.sslRootCert() == null) {
			properties.setProperty("sslfactory", JDK_TRUST_STORE_FACTORY);
		}
		setIfPresent(properties, "sslcert", spec.sslCert());
		setIfPresent(properties, "sslkey", spec.sslKey());
		if (spec.directSslNegotiation()) {
			properties.setProperty("sslNegotiation", "direct");
		}
		setIfPresent(properties, "channelBinding", spec.channelBinding());
		setIfPresent(properties, "currentSchema", spec.schema());
		setIfPresent(properties, "ApplicationName", spec.applicationName());
		if (!spec.sessionSettings().isEmpty()) {
			properties.setProperty("options", SessionSettings.formatCommandLine(spec.sessionSettings()));
		}
		if (spec.connectTimeout() != null) {
			properties.setProperty("connectTimeout",
					Long.toString(Durations.toWholeSecondsRoundedUp(spec.connectTimeout())));
		}
		if (forMigrations) {
			properties.setProperty("targetServerType", TargetServerType.PRIMARY.propertyValue());
		}
		else {
			if (spec.targetServerType() != TargetServerType.ANY) {
				properties.setProperty("targetServerType", spec.targetServerType().propertyValue());
			}
			if (spec.loadBalanceHosts()) {
				properties.setProperty("loadBalanceHosts", "true");
			}
		}
		if (spec.hostRecheck() != null) {
			properties.setProperty("hostRecheckSeconds",
					Long.toString(Durations.toWholeSecondsRoundedUp(spec.hostRecheck())));
		}
		setIfPresent(properties, "tcpKeepAlive", spec.tcpKeepAlive());
		setIfPresent(properties, "tcpNoDelay", spec.tcpNoDelay());
		setIfPresent(properties, "preparedStatementCacheQueries", spec.preparedStatementCacheQueries());
		return new JdbcTarget(url, properties);
	}

	private static void setIfPresent(Properties properties, String name, @Nullable Object value) {
		if (value != null) {
			properties.setProperty(name, value.toString());
		}
	}

}
