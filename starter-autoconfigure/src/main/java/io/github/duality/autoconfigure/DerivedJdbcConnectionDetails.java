package io.github.duality.autoconfigure;

import io.github.duality.core.JdbcTarget;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * The migration target as {@link JdbcConnectionDetails}. Its presence is what lets Boot's Liquibase
 * auto-configuration run without a DataSource bean; no DataSource is built from it because the application's R2DBC
 * {@code ConnectionFactory} makes {@code DataSourceAutoConfiguration} back off.
 */
class DerivedJdbcConnectionDetails implements JdbcConnectionDetails {

	private final JdbcTarget target;

	private final String jdbcUrl;

	DerivedJdbcConnectionDetails(JdbcTarget target) {
		this.target = target;
		this.jdbcUrl = ConnectionDetailsJdbcUrl.of(target);
	}

	@Override
	public String getUsername() {
		return this.target.user();
	}

	@Override
	public String getPassword() {
		return this.target.password();
	}

	@Override
	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public String getDriverClassName() {
		return "org.postgresql.Driver";
	}

}
