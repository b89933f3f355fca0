package io.github.duality.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.duality.core.tls.JdbcSslSocketFactory;
import io.github.duality.core.tls.ServerTrust;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * Renders the pgjdbc target: a URL with hosts and database only (pgjdbc form-decodes the database, so it is
 * form-encoded here), everything else, credentials first, as connection properties.
 */
final class JdbcRenderer {

	private JdbcRenderer() {
	}

	/**
	 * @param spec the model
	 * @param forMigrations whether the target is for migrations, which always go to the primary
	 */
	static JdbcTarget render(ConnectionSpec spec, boolean forMigrations) {
		String hosts = spec.endpoints().hosts().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
		String url = UrlForm.PGJDBC_PREFIX + "//" + hosts + "/"
				+ URLEncoder.encode(spec.session().database(), StandardCharsets.UTF_8);
		Properties properties = new Properties();
		spec.pgjdbcOnly().forEach(properties::setProperty);
		properties.setProperty("user", spec.credentials().user());
		setIfPresent(properties, "password", spec.credentials().password());
		properties.setProperty("sslmode", spec.tls().mode().libpqName());
		TlsMaterial material = spec.tls().material();
		if (material != null) {
			properties.setProperty("sslfactory", JdbcSslSocketFactory.class.getName());
			properties.setProperty("sslfactoryarg", JdbcSslSocketFactory.register(material, serverTrust(spec.tls())));
		}
		else {
			setIfPresent(properties, "sslrootcert", spec.tls().rootCertificateFile());
			if (spec.tls().trust() instanceof Tls.Trust.JdkTrustStore) {
				properties.setProperty("sslfactory", Tls.Trust.JdkTrustStore.PGJDBC_FACTORY);
			}
			// the files were not read here (FileChecks.SKIP): named as they are, for explain
			setIfPresent(properties, "sslcert", spec.tls().clientCertificate());
			setIfPresent(properties, "sslkey", spec.tls().clientKey());
		}
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

	/** What pgjdbc's own factory would check the server certificate against, for Duality's factory. */
	private static ServerTrust serverTrust(Tls tls) {
		if (!tls.mode().verifiesCertificate()) {
			return ServerTrust.unchecked();
		}
		if (tls.trust() instanceof Tls.Trust.RootCertificateFile file) {
			return ServerTrust.anchorsIn(Path.of(file.path()));
		}
		return (tls.trust() instanceof Tls.Trust.OfMaterial) ? ServerTrust.ofMaterial() : ServerTrust.jdkDefault();
	}

	private static void setIfPresent(Properties properties, String name, @Nullable Object value) {
		if (value != null) {
			properties.setProperty(name, value.toString());
		}
	}

}
