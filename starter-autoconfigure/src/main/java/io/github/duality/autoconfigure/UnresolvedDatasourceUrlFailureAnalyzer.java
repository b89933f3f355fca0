package io.github.duality.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.PlaceholderResolutionException;

/**
 * Explains the commonest first-run failure: {@code spring.datasource.url: ${DATABASE_URL}} with no
 * {@code DATABASE_URL} set. Spring only says that a placeholder could not be resolved, not which property needs it.
 */
class UnresolvedDatasourceUrlFailureAnalyzer extends AbstractFailureAnalyzer<PlaceholderResolutionException> {

	private final Environment environment;

	UnresolvedDatasourceUrlFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, PlaceholderResolutionException cause) {
		if (!(this.environment instanceof ConfigurableEnvironment configurable)) {
			return null;
		}
		for (PropertySource<?> source : configurable.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable
					&& enumerable.getProperty(DatasourceUrlDerivation.URL_PROPERTY) instanceof String raw
					&& raw.contains("${")) {
				return analysis(raw, source, cause);
			}
		}
		return null;
	}

	private FailureAnalysis analysis(String rawUrl, PropertySource<?> source, PlaceholderResolutionException cause) {
		String origin = DatasourceUrlDerivation.originOf(this.environment, DatasourceUrlDerivation.URL_PROPERTY);
		String description = "spring.datasource.url is '" + rawUrl + "' (" + ((origin != null) ? origin
				: "property source " + source.getName()) + "), but a placeholder in it has no value: "
				+ cause.getMessage();
		String action = "Set the missing environment variable or property to your PostgreSQL URL, for example "
				+ "DATABASE_URL=postgres://user:password@host:5432/database?sslmode=verify-full&sslrootcert=/path/ca.pem "
				+ "(percent-encode reserved characters in the password), or give the placeholder a default.";
		return new FailureAnalysis(description, action, cause);
	}

}
