package io.github.duality.autoconfigure;

import io.github.duality.core.DerivedConnection;
import io.github.duality.core.JdbcTarget;
import io.github.duality.core.MigrationPath;
import io.github.duality.core.TransactionPooler;
import org.jspecify.annotations.Nullable;

/**
 * Short, secret-free descriptions of the derived targets for logs and health details.
 */
public final class TargetDescriptions {

	private TargetDescriptions() {
	}

	/**
	 * A derived migration path: the target, where its endpoint comes from when it is not the URL's own, the role
	 * when the tool's own user property switches it, the tool.
	 * @param derived the derived connection
	 * @param userProperty the tool's user property, e.g. {@code spring.flyway.user}
	 * @param role the role the tool connects as
	 * @param tool the tool's name
	 * @param enabled whether the tool runs at startup
	 */
	public static String migration(DerivedConnection derived, String userProperty, @Nullable String role, String tool,
			boolean enabled) {
		MigrationPath path = derived.migration();
		if (path.refusal().isPresent()) {
			return "none, " + path.describe() + " (set duality.migration.url), " + tool;
		}
		return migrationTarget(path, userProperty, role) + ", " + tool + (enabled ? " enabled" : " disabled");
	}

	/**
	 * A derived migration target: where its endpoint comes from when it is not the URL's own, and the role when the
	 * tool's own user property switches it. For the startup line and the failure analysis.
	 * @param path the derived migration path, not refused
	 * @param userProperty the tool's user property, e.g. {@code spring.flyway.user}
	 * @param role the role the tool connects as
	 */
	public static String migrationTarget(MigrationPath path, String userProperty, @Nullable String role) {
		JdbcTarget target = path.target();
		boolean ownRole = role != null && !role.equals(target.user());
		return target.describe() + endpoint(path) + (ownRole ? ", as " + userProperty + " " + role : "");
	}

	/** Where a migration endpoint comes from, when not from the URL itself: for the startup line and health. */
	public static String endpoint(MigrationPath path) {
		return (path.endpoint() == MigrationPath.Endpoint.APPLICATION_URL) ? ""
				: " (endpoint: " + ((path.endpoint() == MigrationPath.Endpoint.MIGRATION_URL) ? "duality.migration.url"
						: path.describe()) + ")";
	}

	/** The transaction pooler the application path goes through, if any: for the startup line and health. */
	public static String pooler(DerivedConnection derived) {
		TransactionPooler pooler = derived.pooler();
		return (pooler != null) ? ", through " + pooler.describe() + ", no server-side prepared statements" : "";
	}

}
