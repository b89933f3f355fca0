package io.github.duality.autoconfigure.jdbc;

import io.github.duality.autoconfigure.MigrationTargetDetails;
import io.github.duality.core.JdbcTarget;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The migration target as {@link JdbcConnectionDetails}. Its presence is what lets Boot's Liquibase and Flyway
 * auto-configurations run without a DataSource bean; no DataSource is built from it because the application's
 * R2DBC {@code ConnectionFactory} makes {@code DataSourceAutoConfiguration} back off.
 */
public class DerivedJdbcConnectionDetails extends MigrationTargetDetails implements JdbcConnectionDetails {

	DerivedJdbcConnectionDetails(JdbcTarget target) {
		super(target, null, null);
	}

}
