package io.github.duality.autoconfigure.live;

import java.util.Map;

import javax.sql.DataSource;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's {@code spring.liquibase.*} properties keep their meaning on the derived migration path.
 */
class LiquibasePropertiesLiveTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestPostgres.get().databaseUrl());

	@Test
	void changeLogContextsLabelsAndDefaultSchemaAreHonoured() {
		TestPostgres.get().executeAsSuperuser("create schema settings authorization duality_app");
		this.contextRunner
			.withPropertyValues("spring.liquibase.change-log=classpath:db/other/contexts.yaml",
					"spring.liquibase.contexts=production", "spring.liquibase.label-filter=eu",
					"spring.liquibase.default-schema=settings")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class);
				assertThat(TestPostgres.get().queryAsSuperuser("select name from settings.setting"))
					.containsExactly(Map.of("name", "production-eu"));
				assertThat(TestPostgres.get()
					.queryAsSuperuser("select id from settings.databasechangelog order by orderexecuted"))
					.containsExactly(Map.of("id", "create-setting"), Map.of("id", "production-settings"));
			});
	}

	@Test
	void migrationsCanBeSwitchedOff() {
		TestPostgres.get().executeAsSuperuser("create schema untouched authorization duality_app");
		this.contextRunner
			.withPropertyValues("spring.liquibase.enabled=false", "spring.liquibase.default-schema=untouched")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(TestPostgres.get()
					.queryAsSuperuser("select count(*) as tables from pg_tables where schemaname = 'untouched'"))
					.containsExactly(Map.of("tables", 0L));
			});
	}

}
