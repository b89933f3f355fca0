package io.github.duality.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Where a property's value really came from. {@code spring.datasource.url: ${DATABASE_URL}} has its origin in
 * {@code application.yaml}, but the value, and so the mistake, is in the environment variable: both are named.
 */
public final class PropertyOrigins {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

	private PropertyOrigins() {
	}

	/**
	 * @param environment the application's environment
	 * @param property a property name, e.g. {@code spring.datasource.url}
	 * @return e.g. {@code environment variable DATABASE_URL, through ${DATABASE_URL} at class path resource
	 * [application.yaml] - 5:10}, or {@code null} when the property has no known origin
	 */
	public static @Nullable String describe(Environment environment, String property) {
		String origin = originOf(environment, property);
		List<String> sources = placeholderSources(environment, rawValue(environment, property));
		if (sources.isEmpty()) {
			return origin;
		}
		return String.join(" and ", sources) + ((origin != null) ? ", through the placeholder at " + origin : "");
	}

	/** The origin Boot tracks for the property itself: a file and position, a command-line argument. */
	public static @Nullable String originOf(Environment environment, String property) {
		if (!ConfigurationPropertyName.isValid(property)) {
			return null;
		}
		ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty candidate = source.getConfigurationProperty(name);
			if (candidate != null) {
				return (candidate.getOrigin() != null) ? candidate.getOrigin().toString() : null;
			}
		}
		return null;
	}

	/** The value as written, placeholders unresolved. */
	private static @Nullable String rawValue(Environment environment, String property) {
		PropertySource<?> source = sourceOf(environment, property);
		return (source != null && source.getProperty(property) instanceof String raw) ? raw : null;
	}

	private static List<String> placeholderSources(Environment environment, @Nullable String raw) {
		List<String> sources = new ArrayList<>();
		if (raw == null || !(environment instanceof ConfigurableEnvironment configurable)) {
			return sources;
		}
		Matcher placeholder = PLACEHOLDER.matcher(raw);
		while (placeholder.find()) {
			String name = placeholder.group(1).trim();
			PropertySource<?> source = sourceOf(configurable, name);
			if (source == null) {
				continue;
			}
			if (StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())) {
				sources.add("environment variable " + name);
			}
			else {
				String origin = originOf(environment, name);
				sources.add("property " + name + " ("
						+ ((origin != null) ? origin : "from property source " + source.getName()) + ")");
			}
		}
		return sources;
	}

	/**
	 * The property source whose value the environment uses: the first that holds the name, passing over Boot's
	 * view of all the others at once.
	 * @param environment the application's environment
	 * @param name a property name, or a placeholder's name such as {@code DATABASE_URL}
	 * @return the source, or {@code null} when none holds the name
	 */
	public static @Nullable PropertySource<?> sourceOf(Environment environment, String name) {
		if (environment instanceof ConfigurableEnvironment configurable) {
			for (PropertySource<?> source : configurable.getPropertySources()) {
				if (!(source.getSource() instanceof Iterable<?>) && source.containsProperty(name)) {
					return source;
				}
			}
		}
		return null;
	}

}
