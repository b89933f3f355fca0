package io.github.duality.autoconfigure;

import io.github.duality.core.JdbcTarget;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The migration target as {@link JdbcConnectionDetails}. Its presence is what lets Boot's Liquibase
 * auto-configuration run without a DataSource bean; no DataSource is built from it because the application's R2DBC
 * {@code ConnectionFactory} makes {@code DataSourceAutoConfiguration} back off.
 */
class DerivedJdbcConnectionDetails extends MigrationTargetDetails implements JdbcConnectionDetails {

	DerivedJdbcConnectionDetails(JdbcTarget target) {
		super(ConnectionDetailsJdbcUrl.of(target), target.user(), target.password());
	}

}
