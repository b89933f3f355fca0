package io.github.duality.core;

import java.util.Map;

import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.Secrets;
import io.github.duality.core.parameter.Parameter;
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

	/**
	 * The endpoint as the r2dbc URL it stands for, without credentials or options, e.g.
	 * {@code r2dbc:postgresql://db:5432/shop}; several hosts show as r2dbc's failover URL would write them. Also for
	 * options Duality did not derive (a service connection's), which may leave parts out.
	 */
	public String url() {
		Map<String, String> options = maskedOptions();
		String protocol = options.get(name(Parameter.PROTOCOL));
		String port = options.get(name(Parameter.PORT));
		return "r2dbc:" + options.getOrDefault(name(Parameter.DRIVER), "postgresql")
				+ ((protocol != null && !protocol.isEmpty()) ? ":" + protocol : "") + "://"
				+ options.getOrDefault(name(Parameter.HOST), "") + ((port != null) ? ":" + port : "") + "/"
				+ options.getOrDefault(name(Parameter.DATABASE), "");
	}

	/**
	 * The target in one line for a log, a wait or a failure analysis: endpoint, user and TLS mode, no secret, e.g.
	 * {@code r2dbc:postgresql://db:5432/shop (user app, sslMode verify-full)}.
	 */
	public String describe() {
		Map<String, String> options = maskedOptions();
		return url() + " (user " + options.get(name(Parameter.USER)) + ", " + name(Parameter.SSL_MODE) + " "
				+ options.get(name(Parameter.SSL_MODE)) + ")";
	}

	private static String name(Parameter parameter) {
		return parameter.preferredName(ParameterFamily.R2DBC);
	}

	@Override
	public String toString() {
		return "R2dbcTarget{options=" + maskedOptions() + "}";
	}

}
