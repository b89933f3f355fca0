package io.github.duality.core.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.duality.core.model.ConnectionSpec;
import io.github.duality.core.model.HostAndPort;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.TargetServerType;
import io.github.duality.core.model.Tls;
import io.github.duality.core.model.UrlForm;
import io.github.duality.core.parameter.Carry;
import io.github.duality.core.parameter.Parameter;
import io.github.duality.core.tls.JdbcSslSocketFactory;
import io.github.duality.core.tls.ServerTrust;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

/**
 * Renders the pgjdbc target's two parts, which the caller puts together: a URL with hosts and database only (pgjdbc
 * form-decodes the database, so it is form-encoded here), everything else as connection properties. The carried
 * rows of {@link Parameter} write their own properties; written here by hand are the trust anchors and client keys,
 * and the migration override.
 */
public final class JdbcRenderer {

	private JdbcRenderer() {
	}

	/** The URL: hosts and database, nothing else. */
	public static String url(ConnectionSpec spec) {
		String hosts = spec.endpoints().hosts().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
		return UrlForm.PGJDBC_PREFIX + "//" + hosts + "/"
				+ URLEncoder.encode(spec.session().database(), StandardCharsets.UTF_8);
	}

	/**
	 * The connection properties, credentials included.
	 * @param spec the model
	 * @param forMigrations whether the target is for migrations, which always go to the primary
	 */
	public static Properties properties(ConnectionSpec spec, boolean forMigrations) {
		Properties properties = new Properties();
		spec.pgjdbcOnly().forEach(properties::setProperty);
		for (Parameter parameter : Parameter.table()) {
			parameter.carry()
				.flatMap(Carry::pgjdbcWriter)
				.ifPresent((writer) -> set(properties, parameter, writer.apply(spec)));
		}
		TlsMaterial material = spec.tls().material();
		if (material != null) {
			set(properties, Parameter.SSL_FACTORY, JdbcSslSocketFactory.class.getName());
			set(properties, Parameter.SSL_FACTORY_ARG,
					JdbcSslSocketFactory.register(material, serverTrust(spec.tls())));
		}
		else {
			set(properties, Parameter.SSL_ROOT_CERT, spec.tls().rootCertificateFile());
			if (spec.tls().trust() instanceof Tls.Trust.JdkTrustStore) {
				set(properties, Parameter.SSL_FACTORY, Tls.Trust.JdkTrustStore.PGJDBC_FACTORY);
			}
			// the files were not read here (FileChecks.SKIP): named as they are, for explain
			set(properties, Parameter.SSL_CERT, spec.tls().clientCertificate());
			set(properties, Parameter.SSL_KEY, spec.tls().clientKey());
		}
		if (forMigrations) {
			set(properties, Parameter.TARGET_SERVER_TYPE, TargetServerType.PRIMARY.propertyValue());
			properties.remove(Parameter.LOAD_BALANCE_HOSTS.preferredName(ParameterFamily.PGJDBC));
		}
		return properties;
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

	/** Sets the row's property under its preferred pgjdbc name, when there is a value. */
	private static void set(Properties properties, Parameter parameter, @Nullable Object value) {
		if (value != null) {
			properties.setProperty(parameter.preferredName(ParameterFamily.PGJDBC), value.toString());
		}
	}

}
