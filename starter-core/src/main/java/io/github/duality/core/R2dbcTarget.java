package io.github.duality.core;

import java.util.Map;

import io.r2dbc.spi.ConnectionFactoryOptions;

/**
 * What r2dbc-postgresql needs: {@link ConnectionFactoryOptions} built programmatically.
 */
public final class R2dbcTarget {

	private final ConnectionFactoryOptions options;

	public R2dbcTarget(ConnectionFactoryOptions options) {
		this.options = options;
	}

	public ConnectionFactoryOptions options() {
		return this.options;
	}

	/**
	 * Every option as the string an r2dbc URL would carry (durations ISO-8601), secrets masked, sorted by name.
	 */
	public Map<String, String> maskedOptions() {
		return Secrets.maskedView(this.options);
	}

	@Override
	public String toString() {
		return "R2dbcTarget{options=" + maskedOptions() + "}";
	}

}
