package io.github.duality.autoconfigure.flyway;

import io.github.duality.autoconfigure.MigrationTargetDetails;
import io.github.duality.core.JdbcTarget;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;

/**
 * The migration target for Flyway, as {@code spring.flyway.user/password} leave it. With a JDBC URL in its
 * connection details, Boot's Flyway auto-configuration migrates over a one-off {@code SimpleDriverDataSource}
 * that is not a bean.
 */
public class DerivedFlywayConnectionDetails extends MigrationTargetDetails implements FlywayConnectionDetails {

	DerivedFlywayConnectionDetails(JdbcTarget target, @Nullable String flywayUser, @Nullable String flywayPassword) {
		super(target, flywayUser, flywayPassword);
	}

}
