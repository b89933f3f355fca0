package io.github.duality.autoconfigure.startup;

import java.sql.Connection;
import java.util.Properties;

import javax.sql.DataSource;

import io.github.duality.autoconfigure.MigrationTool;
import io.github.duality.core.JdbcTarget;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Before a migration tool runs, waits until its DataSource gives a connection: Liquibase and Flyway would otherwise
 * fail at once on a database that is still starting.
 *
 * @param <T> the tool's bean that migrates (Liquibase) or is configured to (Flyway) when initialized
 */
class MigrationStartupWait<T> implements BeanPostProcessor, Ordered {

	private final DatabaseWait wait;

	private final MigrationTool<T> tool;

	MigrationStartupWait(DatabaseWait wait, MigrationTool<T> tool) {
		this.wait = wait;
		this.tool = tool;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
		DataSource dataSource = this.tool.type().isInstance(bean) ? this.tool.dataSource(this.tool.type().cast(bean))
				: null;
		if (dataSource != null) {
			try {
				this.wait.connect("migration path", describe(dataSource), () -> {
					try (Connection connection = dataSource.getConnection()) {
						connection.isValid(1);
					}
				});
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BeanInitializationException("Interrupted while waiting for the migration database", ex);
			}
			catch (Exception ex) {
				// the tool connects again and fails with its own error, which the failure analysis explains
			}
		}
		return bean;
	}

	/** Before the migration session's checks, which need a server that is up. */
	@Override
	public int getOrder() {
		return 0;
	}

	/**
	 * The target as the core describes it, read back from the tool's one-off DataSource: its URL carries every
	 * property but the credentials, and its user is the role the tool connects as.
	 */
	private static String describe(DataSource dataSource) {
		MigrationTool.JdbcLogin login = (dataSource instanceof SimpleDriverDataSource simple)
				? MigrationTool.JdbcLogin.of(simple.getUrl(), simple.getUsername(), null) : null;
		Properties properties = (login != null) ? Driver.parseURL(login.jdbcUrl(), null) : null;
		if (login == null || properties == null) {
			return "the migration DataSource";
		}
		// pgjdbc's own default, for a URL written by hand without one
		properties.setProperty(PGProperty.SSL_MODE.getName(), PGProperty.SSL_MODE.getOrDefault(properties));
		if (login.username() != null) {
			properties.setProperty(PGProperty.USER.getName(), login.username());
		}
		return new JdbcTarget(login.urlWithoutQuery(), properties).describe();
	}

}
