package io.github.duality.autoconfigure.diagnostics;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import io.github.duality.autoconfigure.PropertyOrigins;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains pool settings that r2dbc-pool refuses when the application's pool is built, such as a
 * {@code spring.r2dbc.pool.max-size} below the default {@code initial-size} of 10: the settings in effect, each
 * with its origin, and the fix.
 */
class PoolSettingsFailureAnalyzer extends AbstractFailureAnalyzer<IllegalArgumentException> {

	private static final ConfigurationPropertyName POOL = ConfigurationPropertyName.of("spring.r2dbc.pool");

	private final Environment environment;

	PoolSettingsFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IllegalArgumentException cause) {
		if (!thrownByPool(cause)) {
			return null;
		}
		StringBuilder description = new StringBuilder("Duality: the application path's R2DBC pool settings are "
				+ "invalid: ").append(cause.getMessage()).append(".\n\nSettings in effect:\n");
		for (String property : poolProperties()) {
			String origin = PropertyOrigins.originOf(this.environment, property);
			description.append("    ").append(property).append('=').append(this.environment.getProperty(property))
				.append(" (").append((origin != null) ? origin : "a default").append(")\n");
		}
		if (!this.environment.containsProperty("spring.r2dbc.pool.initial-size")) {
			description.append("    spring.r2dbc.pool.initial-size is not set: Boot's default is 10\n");
		}
		return new FailureAnalysis(description.toString(), fix(cause.getMessage()), cause);
	}

	private static String fix(String message) {
		if (message != null && message.contains("initialSize")) {
			return "Set spring.r2dbc.pool.initial-size to at most spring.r2dbc.pool.max-size (the pool opens "
					+ "initial-size connections and never more than max-size), or raise spring.r2dbc.pool.max-size.";
		}
		return "Correct the spring.r2dbc.pool property the message names (sizes are whole numbers, max-size at "
				+ "least 1; durations such as 5s are not negative).";
	}

	private static boolean thrownByPool(IllegalArgumentException cause) {
		return Arrays.stream(cause.getStackTrace())
			.limit(3)
			.anyMatch((frame) -> frame.getClassName().startsWith("io.r2dbc.pool."));
	}

	private Set<String> poolProperties() {
		Set<String> properties = new TreeSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(POOL::isAncestorOf).map(ConfigurationPropertyName::toString)
					.forEach(properties::add);
			}
		}
		return properties;
	}

}
