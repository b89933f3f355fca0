package io.github.duality.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What each session starts with.
 *
 * @param database the database
 * @param schema the {@code search_path}, or {@code null} for the server's default
 * @param applicationName the application name, or {@code null} for each driver's own default
 * @param settings other session settings sent at connection start ({@code -c name=value}), in the input's order
 * @param preparedStatementCacheQueries the per-connection statement cache size, or {@code null} for the defaults
 */
public record Session(String database, @Nullable String schema, @Nullable String applicationName,
		Map<String, String> settings, @Nullable Integer preparedStatementCacheQueries) {

	public Session {
		settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
	}

}
