package io.github.duality.autoconfigure.startup;

import java.sql.Connection;
import java.util.Properties;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.postgresql.Driver;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Before Liquibase runs, waits until its DataSource gives a connection: Liquibase would otherwise fail at once on a
 * database that is still starting.
 */
class MigrationStartupWait implements BeanPostProcessor {

	private final DatabaseWait wait;

	MigrationStartupWait(DatabaseWait wait) {
		this.wait = wait;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
		if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
			DataSource dataSource = liquibase.getDataSource();
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
				// Liquibase connects again and fails with its own, familiar error
			}
		}
		return bean;
	}

	private static String describe(DataSource dataSource) {
		Properties url = (dataSource instanceof SimpleDriverDataSource simple && simple.getUrl() != null)
				? Driver.parseURL(simple.getUrl(), null) : null;
		if (url == null) {
			return "the migration DataSource";
		}
		return "host " + url.getProperty("PGHOST") + ", port " + url.getProperty("PGPORT") + ", database "
				+ url.getProperty("PGDBNAME") + ", sslmode " + url.getProperty("sslmode", "prefer");
	}

}
