package io.github.duality.autoconfigure.live;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.flyway.DualityFlywayAutoConfiguration;
import io.github.duality.autoconfigure.health.DualityHealthContributorAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway on the derived migration path against the real server, each in its own schema: with Liquibase hidden
 * (a Flyway application), beside Liquibase, and with neither tool.
 */
class FlywayLiveTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class,
				DualityFlywayAutoConfiguration.class, DualityHealthContributorAutoConfiguration.class,
				R2dbcAutoConfiguration.class, LiquibaseAutoConfiguration.class, FlywayAutoConfiguration.class,
				DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + postgres.databaseUrl());

	private final ApplicationContextRunner flywayOnly = this.contextRunner
		.withClassLoader(new FilteredClassLoader("liquibase."));

	@Test
	void migratesOverTlsAsTheUrlsRoleAndLeavesNoJdbcConnection() {
		schema("fly_only");
		this.flywayOnly.withPropertyValues("spring.flyway.default-schema=fly_only").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class);
			assertThat(postgres.queryAsSuperuser("select name from fly_only.thing"))
				.containsExactly(Map.of("name", "first"));
			assertThat(postgres.queryAsSuperuser(
					"select tableowner from pg_tables where schemaname = 'fly_only' and tablename = 'thing'"))
				.containsExactly(Map.of("tableowner", postgres.username()));
			assertThat(postgres.queryAsSuperuser("select count(*) as applied from fly_only.flyway_schema_history"))
				.containsExactly(Map.of("applied", 2L));
			assertThat(jdbcConnections()).as("JDBC connections of the application after startup").isZero();
			String tls = DatabaseClient.create(context.getBean(io.r2dbc.spi.ConnectionFactory.class))
				.sql("select ssl::text from pg_stat_ssl where pid = pg_backend_pid()")
				.map((row) -> row.get(0, String.class))
				.one()
				.block();
			assertThat(tls).isEqualTo("true");
			Health migration = health(context, "migration");
			assertThat(migration.getStatus()).isEqualTo(Status.UP);
			assertThat(migration.getDetails()).containsEntry("ssl", true)
				.containsEntry("user", postgres.username())
				.containsEntry("flyway", Map.of("applied", 2L, "last", "V2__seed_things.sql"))
				.doesNotContainKey("liquibase");
			assertThat(jdbcConnections()).as("JDBC connections after the health check").isZero();
		});
	}

	@Test
	void flywayPropertiesKeepTheirMeaning() {
		schema("fly_props");
		this.flywayOnly
			.withPropertyValues("spring.flyway.default-schema=fly_props", "spring.flyway.locations=classpath:db/flyway-other",
					"spring.flyway.table=history")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(postgres.queryAsSuperuser(
						"select tablename from pg_tables where schemaname = 'fly_props' order by tablename"))
					.containsExactly(Map.of("tablename", "history"), Map.of("tablename", "other_thing"));
				assertThat(health(context, "migration").getDetails()).containsEntry("flyway",
						Map.of("applied", 1L, "last", "V1__other.sql"));
			});
	}

	@Test
	void flywayCanBeSwitchedOff() {
		schema("fly_off");
		this.flywayOnly.withPropertyValues("spring.flyway.default-schema=fly_off", "spring.flyway.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(postgres.queryAsSuperuser(
						"select count(*) as tables from pg_tables where schemaname = 'fly_off'"))
					.containsExactly(Map.of("tables", 0L));
			});
	}

	@Test
	void flywayUserRunsMigrationsAsAnotherRoleWithTheDerivedHostAndTls() {
		postgres.executeAsSuperuser("create role fly_owner login password 'fly-owner-pw'");
		postgres.executeAsSuperuser("create schema fly_owned authorization fly_owner");
		this.flywayOnly
			.withPropertyValues("spring.flyway.default-schema=fly_owned", "spring.flyway.user=fly_owner",
					"spring.flyway.password=fly-owner-pw")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(postgres.queryAsSuperuser(
						"select tableowner from pg_tables where schemaname = 'fly_owned' and tablename = 'thing'"))
					.containsExactly(Map.of("tableowner", "fly_owner"));
				assertThat(health(context, "migration").getDetails()).containsEntry("user", "fly_owner")
					.containsEntry("ssl", true);
				assertThat(health(context, "application").getDetails()).containsEntry("user", postgres.username());
			});
	}

	@Test
	void liquibaseAndFlywayBothMigrateAsBootWouldRunThem() {
		schema("both_lb");
		schema("both_fly");
		this.contextRunner
			.withPropertyValues("spring.liquibase.default-schema=both_lb", "spring.flyway.default-schema=both_fly")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(DataSource.class);
				assertThat(postgres.queryAsSuperuser("select text from both_lb.greeting"))
					.containsExactly(Map.of("text", "hello"));
				assertThat(postgres.queryAsSuperuser("select name from both_fly.thing"))
					.containsExactly(Map.of("name", "first"));
				Health migration = health(context, "migration");
				assertThat(migration.getDetails())
					.containsEntry("liquibase", Map.of("applied", 2L, "last", "seed-greeting"))
					.containsEntry("flyway", Map.of("applied", 2L, "last", "V2__seed_things.sql"));
				// in the tools' order, as the startup line names them
				assertThat(List.copyOf(migration.getDetails().keySet())).containsSubsequence("liquibase", "flyway");
				assertThat(jdbcConnections()).isZero();
			});
	}

	@Test
	void neitherToolMeansNothingOverJdbc() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("liquibase.", "org.flywaydb."))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(JdbcConnectionDetails.class)
					.doesNotHaveBean(DataSource.class);
				CompositeReactiveHealthContributor database = context.getBean("databaseHealthContributor",
						CompositeReactiveHealthContributor.class);
				assertThat(database.getContributor("migration")).isNull();
				assertThat(health(context, "application").getStatus()).isEqualTo(Status.UP);
				assertThat(jdbcConnections()).isZero();
			});
	}

	private static void schema(String name) {
		postgres.executeAsSuperuser("create schema " + name + " authorization " + postgres.username());
	}

	/** Connections of the application's role not made by r2dbc-postgresql: pgjdbc's, whatever their name. */
	static long jdbcConnections() {
		List<Map<String, Object>> rows = postgres.queryAsSuperuser(
				"select count(*) as jdbc from pg_stat_activity where usename = ? and backend_type = 'client backend' "
						+ "and application_name <> 'r2dbc-postgresql'",
				postgres.username());
		return (Long) rows.get(0).get("jdbc");
	}

	private static Health health(AssertableApplicationContext context, String component) {
		CompositeReactiveHealthContributor database = context.getBean("databaseHealthContributor",
				CompositeReactiveHealthContributor.class);
		return ((ReactiveHealthIndicator) database.getContributor(component)).health().block();
	}

}
