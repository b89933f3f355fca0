package io.github.duality.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.parameter.Parameter;
import io.github.duality.core.tls.JdbcSslSocketFactory;
import io.github.duality.core.tls.TlsHandshakeProbe;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;

/**
 * What pgjdbc needs: a URL that never holds credentials, plus connection properties (user, password, sslmode, ...).
 */
public final class JdbcTarget {

	/** What travels beside the URL in every form of the target, Spring Boot's connection details included. */
	private static final Set<String> CREDENTIALS = Set.of(Parameter.USER.preferredName(ParameterFamily.PGJDBC),
			Parameter.PASSWORD.preferredName(ParameterFamily.PGJDBC));

	private final String url;

	private final Properties properties;

	public JdbcTarget(String url, Properties properties) {
		this.url = url;
		this.properties = new Properties();
		// one put per entry: putAll presizes the table and then rebuilds it, which showed in the derivation profile
		properties.forEach(this.properties::put);
	}

	public String url() {
		return this.url;
	}

	/** A copy of the pgjdbc properties, password included, for handing to the driver. */
	public Properties properties() {
		Properties copy = new Properties();
		copy.putAll(this.properties);
		return copy;
	}

	public String user() {
		return property(Parameter.USER);
	}

	/** The password, or {@code null} when the server needs none. */
	public @Nullable String password() {
		return property(Parameter.PASSWORD);
	}

	/**
	 * The target as a URL, a user and a password, all that Spring Boot's {@code JdbcConnectionDetails} and
	 * {@code LiquibaseConnectionDetails} carry: every property but the credentials in the URL's query. No other
	 * secret can be among them (the parameter table refuses {@code sslpassword} for this reason), so the URL is as
	 * safe to log as {@link #url()}.
	 */
	public String connectionDetailsUrl() {
		StringBuilder url = new StringBuilder(this.url);
		char separator = '?';
		for (String name : new TreeSet<>(this.properties.stringPropertyNames())) {
			if (!CREDENTIALS.contains(name)) {
				// pgjdbc decodes query values with URLDecoder, the exact inverse of URLEncoder
				url.append(separator)
					.append(name)
					.append('=')
					.append(URLEncoder.encode(this.properties.getProperty(name), StandardCharsets.UTF_8));
				separator = '&';
			}
		}
		return url.toString();
	}

	/**
	 * Why the server refused the client certificate this target presents, read from its TLS alert by a handshake of
	 * its own (see {@link TlsHandshakeProbe}): for diagnosing a failed connection, never for connecting.
	 * @return the alert, or empty when the target presents no certificate held in memory or the server accepts it
	 */
	public Optional<String> clientCertificateRefusal(Duration timeout) {
		if (!JdbcSslSocketFactory.class.getName().equals(property(Parameter.SSL_FACTORY))) {
			return Optional.empty();
		}
		Properties parsed = Driver.parseURL(this.url, null);
		if (parsed == null) {
			return Optional.empty();
		}
		String hosts = parsed.getProperty(Parameter.HOST.preferredName(ParameterFamily.PGJDBC));
		String ports = parsed.getProperty(Parameter.PORT.preferredName(ParameterFamily.PGJDBC));
		String host = hosts.split(",")[0];
		int port = Integer.parseInt(ports.split(",")[0]);
		return TlsHandshakeProbe.serverAlert(host, port, properties(),
				"direct".equals(property(Parameter.SSL_NEGOTIATION)), timeout);
	}

	private @Nullable String property(Parameter parameter) {
		return this.properties.getProperty(parameter.preferredName(ParameterFamily.PGJDBC));
	}

	/** The properties with secrets masked, sorted by name: safe to print. */
	public Map<String, String> maskedProperties() {
		return Secrets.maskedView(this.properties);
	}

	/**
	 * The target in one line for a log, a wait or a failure analysis: endpoint, user and TLS mode, no secret, e.g.
	 * {@code jdbc:postgresql://db:5432/shop (user app, sslmode verify-full)}.
	 */
	public String describe() {
		return this.url + " (user " + user() + ", sslmode " + property(Parameter.SSL_MODE) + ")";
	}

	@Override
	public String toString() {
		return "JdbcTarget{url=" + this.url + ", properties=" + maskedProperties() + "}";
	}

}
