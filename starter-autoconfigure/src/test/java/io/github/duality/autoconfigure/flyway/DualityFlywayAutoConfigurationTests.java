package io.github.duality.autoconfigure.flyway;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.MigrationPathReport;
import io.github.duality.autoconfigure.health.DualityHealthContributorAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wiring of {@link DualityFlywayAutoConfiguration}, with Liquibase hidden from the classpath as a Flyway user's
 * application has it. Nothing here connects (Flyway is told not to run).
 */
class DualityFlywayAutoConfigurationTests {

	/** The derivation reads the root certificate; the test server's is a real one at hand. */
	private static final Path ROOT_CERTIFICATE = TestPostgres.get().caCertificate();

	private static final String URL = "postgres://app:s3cr%40t@db.example.com:5433/shop?sslmode=verify-full"
			+ "&sslrootcert=" + ROOT_CERTIFICATE;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class,
				DualityFlywayAutoConfiguration.class, R2dbcAutoConfiguration.class, LiquibaseAutoConfiguration.class,
				FlywayAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader("liquibase."))
		.withPropertyValues("spring.flyway.enabled=false", "spring.datasource.url=" + URL);

	@Test
	void derivesFlywayConnectionDetailsWithTheSameTlsAndNoLiquibase() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			FlywayConnectionDetails flyway = context.getBean(FlywayConnectionDetails.class);
			assertThat(flyway).isInstanceOf(DerivedFlywayConnectionDetails.class);
			assertThat(flyway.getJdbcUrl()).startsWith("jdbc:postgresql://db.example.com:5433/shop?")
				.contains("sslmode=verify-full")
				.contains("sslrootcert=" + URLEncoder.encode(ROOT_CERTIFICATE.toString(), StandardCharsets.UTF_8))
				.doesNotContain("s3cr");
			assertThat(flyway.getUsername()).isEqualTo("app");
			assertThat(flyway.getPassword()).isEqualTo("s3cr@t");
			assertThat(flyway.getDriverClassName()).isEqualTo("org.postgresql.Driver");
			assertThat(context).hasSingleBean(JdbcConnectionDetails.class)
				.hasSingleBean(R2dbcConnectionDetails.class)
				.doesNotHaveBean(LiquibaseConnectionDetails.class)
				.doesNotHaveBean(DualityLiquibaseAutoConfiguration.class);
		});
	}

	@Test
	void migrationsAlwaysTargetThePrimary() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://h1:5432,h2:5432/app?targetServerType=secondary",
					"spring.datasource.username=app", "spring.datasource.password=pw")
			.run((context) -> assertThat(context.getBean(FlywayConnectionDetails.class).getJdbcUrl())
				.contains("targetServerType=primary"));
	}

	@Test
	void flywayUserSwitchesOnlyTheMigrationRole() {
		this.contextRunner.withPropertyValues("spring.flyway.user=owner", "spring.flyway.password=ddl")
			.run((context) -> {
				FlywayConnectionDetails flyway = context.getBean(FlywayConnectionDetails.class);
				assertThat(flyway.getUsername()).isEqualTo("owner");
				assertThat(flyway.getPassword()).isEqualTo("ddl");
				assertThat(flyway.getJdbcUrl()).contains("db.example.com:5433/shop");
				assertThat(context.getBean(JdbcConnectionDetails.class).getUsername()).isEqualTo("app");
				assertThat(context.getBean("flywayPathReport", MigrationPathReport.class).describe())
					.contains("as spring.flyway.user owner")
					.contains("Flyway disabled")
					.doesNotContain("ddl");
			});
	}

	@Test
	void backsOffForSpringFlywayUrl() {
		this.contextRunner.withPropertyValues("spring.flyway.url=jdbc:postgresql://migrations:5432/x")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DerivedFlywayConnectionDetails.class);
				assertThat(context).hasSingleBean(DualityFlywayAutoConfiguration.class);
				assertThat(context.getBean("flywayPathReport", MigrationPathReport.class).describe())
					.isEqualTo("explicit spring.flyway.url (not derived)");
			});
	}

	@Test
	void backsOffForAFlywayConnectionDetailsBean() {
		this.contextRunner.withBean("myFlywayDetails", FlywayConnectionDetails.class, UserFlywayDetails::new)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DerivedFlywayConnectionDetails.class);
				assertThat(context.getBean(FlywayConnectionDetails.class).getJdbcUrl())
					.isEqualTo("jdbc:postgresql://mine:5432/x");
			});
	}

	@Test
	void backsOffForAUserFlywayBean() {
		this.contextRunner.withBean("myFlyway", Flyway.class, () -> Flyway.configure().load())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DerivedFlywayConnectionDetails.class);
				assertThat(context.getBean("flywayPathReport", MigrationPathReport.class).describe())
					.isEqualTo("explicit Flyway bean 'myFlyway' (not derived)");
			});
	}

	@Test
	void loadsWithoutBootsLiquibaseModuleEither() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class,
					DualityR2dbcAutoConfiguration.class, DualityJdbcAutoConfiguration.class,
					DualityLiquibaseAutoConfiguration.class, DualityFlywayAutoConfiguration.class,
					DualityHealthContributorAutoConfiguration.class, R2dbcAutoConfiguration.class,
					FlywayAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("liquibase.", "org.springframework.boot.liquibase."))
			.withPropertyValues("spring.flyway.enabled=false", "spring.datasource.url=" + URL)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DerivedFlywayConnectionDetails.class)
				.hasBean("databaseHealthContributor")
				.doesNotHaveBean(DualityLiquibaseAutoConfiguration.class));
	}

	@Test
	void neitherMigrationToolMeansNoJdbcConnectionDetails() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("liquibase.", "org.flywaydb."))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(R2dbcConnectionDetails.class)
					.doesNotHaveBean(JdbcConnectionDetails.class)
					.doesNotHaveBean(FlywayConnectionDetails.class)
					.doesNotHaveBean(LiquibaseConnectionDetails.class);
			});
	}

	static class UserFlywayDetails implements FlywayConnectionDetails {

		@Override
		public String getUsername() {
			return "mine";
		}

		@Override
		public String getPassword() {
			return "mine";
		}

		@Override
		public String getJdbcUrl() {
			return "jdbc:postgresql://mine:5432/x";
		}

	}

}
