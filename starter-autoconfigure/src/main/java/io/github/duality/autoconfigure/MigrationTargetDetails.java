package io.github.duality.autoconfigure;

import io.github.duality.core.JdbcTarget;
import org.jspecify.annotations.Nullable;

/**
 * What Boot's JDBC-flavoured connection details share (JDBC, Liquibase, Flyway): the migration target's URL (what
 * such a URL can carry is duality-core's rule, {@link JdbcTarget#connectionDetailsUrl()}) and a role. Host,
 * database and TLS are always derived; the role is the URL's unless the tool's own user property (Boot's
 * {@code spring.liquibase.user}, {@code spring.flyway.user}) names another one, e.g. a DDL owner.
 */
public abstract class MigrationTargetDetails {

	private final String jdbcUrl;

	private final @Nullable String username;

	private final @Nullable String password;

	protected MigrationTargetDetails(JdbcTarget target, @Nullable String toolUser, @Nullable String toolPassword) {
		boolean ownRole = toolUser != null && !toolUser.isEmpty();
		this.jdbcUrl = target.connectionDetailsUrl();
		this.username = ownRole ? toolUser : target.user();
		this.password = ownRole ? toolPassword : target.password();
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	public String getDriverClassName() {
		return "org.postgresql.Driver";
	}

}
