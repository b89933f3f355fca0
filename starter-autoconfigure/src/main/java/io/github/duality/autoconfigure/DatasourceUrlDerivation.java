package io.github.duality.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.duality.autoconfigure.tls.SslBundleMaterial;
import io.github.duality.core.CredentialSources;
import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.FileChecks;
import io.github.duality.core.MigrationUrlException;
import io.github.duality.core.PoolerHint;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.tls.TlsMaterial;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.PlaceholderResolutionException;

/**
 * Derives both driver targets from {@code spring.datasource.*}. Read here rather than through
 * {@code DataSourceProperties}, which only the JDBC auto-configurations bind, and none of them is active.
 */
public final class DatasourceUrlDerivation {

	static final String URL_PROPERTY = "spring.datasource.url";

	static final String USERNAME_PROPERTY = "spring.datasource.username";

	static final String PASSWORD_PROPERTY = "spring.datasource.password";

	static final String MIGRATION_URL_PROPERTY = "duality.migration.url";

	static final String SSL_BUNDLE_PROPERTY = "duality.ssl.bundle";

	private DatasourceUrlDerivation() {
	}

	/**
	 * @param sslBundles the application's SSL bundles, for {@code duality.ssl.bundle}; {@code null} when there are
	 * none
	 */
	public static DerivedConnection derive(Environment environment, @Nullable SslBundles sslBundles) {
		// resolved strictly: an unset ${DATABASE_URL} must fail as such, not as a URL with a strange scheme
		String url = resolve(environment, URL_PROPERTY);
		String username = resolve(environment, USERNAME_PROPERTY);
		String password = resolve(environment, PASSWORD_PROPERTY);
		String migrationUrl = resolve(environment, MIGRATION_URL_PROPERTY);
		PoolerHint pooler = DualityProperties.pooler(environment);
		String bundleName = emptyToNull(resolve(environment, SSL_BUNDLE_PROPERTY));
		try {
			return DatabaseUrl.derive(url, emptyToNull(username), emptyToNull(password), emptyToNull(migrationUrl),
					pooler, FileChecks.READ, CredentialSources.SPRING_DATASOURCE,
					(bundleName != null) ? sslBundle(sslBundles, bundleName, environment) : null);
		}
		catch (MigrationUrlException ex) {
			Map<String, @Nullable String> origins = new LinkedHashMap<>();
			origins.put(MIGRATION_URL_PROPERTY, PropertyOrigins.describe(environment, MIGRATION_URL_PROPERTY));
			origins.put(URL_PROPERTY, PropertyOrigins.describe(environment, URL_PROPERTY));
			throw new InvalidDatasourceUrlException(origins, ex);
		}
		catch (InvalidConnectionUrlException ex) {
			Map<String, @Nullable String> origins = new LinkedHashMap<>();
			origins.put(URL_PROPERTY, PropertyOrigins.describe(environment, URL_PROPERTY));
			if (bundleName != null && ex.getProblem().contains("SSL bundle")) {
				origins.put(SSL_BUNDLE_PROPERTY, PropertyOrigins.describe(environment, SSL_BUNDLE_PROPERTY));
			}
			// the core names a credential property exactly as given to it when its value is part of the problem
			for (String property : List.of(CredentialSources.SPRING_DATASOURCE.username(),
					CredentialSources.SPRING_DATASOURCE.password())) {
				if (ex.getProblem().contains(property)) {
					origins.put(property, PropertyOrigins.describe(environment, property));
				}
			}
			throw new InvalidDatasourceUrlException(origins, ex);
		}
	}

	private static TlsMaterial sslBundle(@Nullable SslBundles sslBundles, String name, Environment environment) {
		try {
			if (sslBundles == null) {
				throw new NoSuchSslBundleException(name, "No SSL bundles are configured (spring.ssl.bundle.*)");
			}
			return SslBundleMaterial.of(sslBundles, name);
		}
		catch (NoSuchSslBundleException ex) {
			Map<String, @Nullable String> origins = new LinkedHashMap<>();
			origins.put(SSL_BUNDLE_PROPERTY, PropertyOrigins.describe(environment, SSL_BUNDLE_PROPERTY));
			throw new InvalidDatasourceUrlException(origins, new InvalidConnectionUrlException(
					SSL_BUNDLE_PROPERTY + " names the SSL bundle '" + name + "', and there is none of that name.",
					null, "Define it under spring.ssl.bundle.pem." + name + ".* or spring.ssl.bundle.jks." + name
							+ ".*, or correct " + SSL_BUNDLE_PROPERTY + "."));
		}
	}

	private static @Nullable String resolve(Environment environment, String property) {
		try {
			return environment.getProperty(property);
		}
		catch (PlaceholderResolutionException ex) {
			PropertySource<?> source = PropertyOrigins.sourceOf(environment, property);
			String raw = (source != null) ? String.valueOf(source.getProperty(property)) : null;
			String masked = PASSWORD_PROPERTY.equals(property) ? null : Secrets.mask(raw);
			// a placeholder inside the password part of a URL is a piece of the password
			String placeholder = (masked != null && masked.contains("${" + ex.getPlaceholder())) ? ex.getPlaceholder()
					: null;
			String origin = PropertyOrigins.originOf(environment, property);
			if (origin == null && source != null) {
				origin = "property source " + source.getName();
			}
			throw new UnresolvedDatasourcePropertyException(property, masked, placeholder, origin);
		}
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
