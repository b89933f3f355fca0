package io.github.duality.autoconfigure;

import java.util.Map;

import io.github.duality.core.JdbcTarget;
import io.github.duality.core.R2dbcTarget;
import org.jspecify.annotations.Nullable;

/**
 * Short, secret-free descriptions of the derived targets for logs and health details.
 */
public final class TargetDescriptions {

	private TargetDescriptions() {
	}

	/** The R2DBC target as the URL it stands for, without credentials or options. */
	public static String r2dbcUrl(R2dbcTarget target) {
		Map<String, String> options = target.maskedOptions();
		StringBuilder url = new StringBuilder("r2dbc:").append(options.getOrDefault("driver", "postgresql"));
		if (options.containsKey("protocol") && !options.get("protocol").isEmpty()) {
			url.append(':').append(options.get("protocol"));
		}
		url.append("://").append(options.getOrDefault("host", ""));
		if (options.containsKey("port")) {
			url.append(':').append(options.get("port"));
		}
		return url.append('/').append(options.getOrDefault("database", "")).toString();
	}

	public static String application(R2dbcTarget target) {
		Map<String, String> options = target.maskedOptions();
		return r2dbcUrl(target) + " (user " + options.get("user") + ", sslMode " + options.get("sslMode") + ")";
	}

	public static String migration(JdbcTarget target) {
		Map<String, String> properties = target.maskedProperties();
		return target.url() + " (user " + properties.get("user") + ", sslmode " + properties.get("sslmode")
				+ ", not pooled)";
	}

	/**
	 * A derived migration path: the target, the role when the tool's own user property switches it, the tool.
	 * @param target the derived migration target
	 * @param userProperty the tool's user property, e.g. {@code spring.flyway.user}
	 * @param role the role the tool connects as
	 * @param tool the tool's name
	 * @param enabled whether the tool runs at startup
	 */
	public static String migration(JdbcTarget target, String userProperty, @Nullable String role, String tool,
			boolean enabled) {
		boolean ownRole = role != null && !role.equals(target.user());
		return migration(target) + (ownRole ? ", as " + userProperty + " " + role : "") + ", " + tool
				+ (enabled ? " enabled" : " disabled");
	}

}
