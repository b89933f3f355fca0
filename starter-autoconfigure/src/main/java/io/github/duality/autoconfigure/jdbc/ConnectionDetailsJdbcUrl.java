package io.github.duality.autoconfigure.jdbc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.github.duality.core.InvalidConnectionUrlException;
import io.github.duality.core.JdbcTarget;

/**
 * Renders a pgjdbc target as a single URL for Boot's {@code JdbcConnectionDetails},
 * {@code LiquibaseConnectionDetails} and {@code FlywayConnectionDetails}, which carry only url, username and password: every other pgjdbc property
 * (sslmode, sslrootcert, currentSchema...) has to travel in the URL or it would be silently lost.
 */
public final class ConnectionDetailsJdbcUrl {

	private static final Set<String> CREDENTIALS = Set.of("user", "password");

	private ConnectionDetailsJdbcUrl() {
	}

	public static String of(JdbcTarget target) {
		Properties properties = target.properties();
		if (properties.getProperty("sslpassword") != null) {
			throw new InvalidConnectionUrlException(
					"sslpassword cannot be passed to the migration tool without writing it into a JDBC URL that it logs.",
					"sslpassword", "Use an unencrypted PKCS#8 client key, readable only by the application's user.");
		}
		StringBuilder url = new StringBuilder(target.url());
		char separator = (target.url().indexOf('?') < 0) ? '?' : '&';
		for (String name : new TreeSet<>(properties.stringPropertyNames())) {
			if (!CREDENTIALS.contains(name)) {
				// pgjdbc decodes query values with URLDecoder, the exact inverse of URLEncoder
				url.append(separator).append(name).append('=')
					.append(URLEncoder.encode(properties.getProperty(name), StandardCharsets.UTF_8));
				separator = '&';
			}
		}
		return url.toString();
	}

}
