package io.github.duality.autoconfigure.live;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real server: explicit configuration wins over the derived one, and without HikariCP the
 * migration still runs with no DataSource for the application.
 */
class ExplicitConfigurationLiveTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestPostgres.get().databaseUrl());

	@Test
	void serviceConnectionStyleDetailsTakePrecedence() {
		TestPostgres postgres = TestPostgres.get();
		ConnectionFactoryOptions explicit = ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, "postgresql")
			.option(ConnectionFactoryOptions.HOST, postgres.host())
			.option(ConnectionFactoryOptions.PORT, postgres.port())
			.option(ConnectionFactoryOptions.DATABASE, postgres.database())
			.option(ConnectionFactoryOptions.USER, postgres.username())
			.option(ConnectionFactoryOptions.PASSWORD, postgres.password())
			.option(Option.valueOf("sslMode"), "require")
			.option(Option.valueOf("applicationName"), "explicit-details")
			.build();
		this.contextRunner.withPropertyValues("spring.liquibase.enabled=false")
			.withBean(R2dbcConnectionDetails.class, () -> () -> explicit)
			.run((context) -> {
				String applicationName = DatabaseClient.create(context.getBean(io.r2dbc.spi.ConnectionFactory.class))
					.sql("select current_setting('application_name')")
					.map((row) -> row.get(0, String.class))
					.one()
					.block();
				assertThat(applicationName).isEqualTo("explicit-details");
			});
	}

	@Test
	void migratesWithoutHikariAndCreatesNoDataSource() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HikariDataSource.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(DataSource.class);
			assertThat(TestPostgres.get().queryAsSuperuser("select 1 from public.databasechangelog")).isNotEmpty();
		});
	}

}
