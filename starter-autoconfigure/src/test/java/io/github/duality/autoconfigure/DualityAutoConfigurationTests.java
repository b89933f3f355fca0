package io.github.duality.autoconfigure;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.duality.autoconfigure.jdbc.DerivedJdbcConnectionDetails;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DerivedLiquibaseConnectionDetails;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DerivedR2dbcConnectionDetails;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.MigrationUrlException;
import io.github.duality.core.TransactionPoolerException;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wiring of {@link DualityAutoConfiguration}: which beans exist and when it backs off. No database is needed:
 * nothing here connects (Liquibase is told not to run).
 */
class DualityAutoConfigurationTests {

	private static final String URL = "postgres://app:s3cr%40t@db.example.com:5433/shop?sslmode=require";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.liquibase.enabled=false");

	@Test
	void derivesBothPathsFromTheDatasourceUrl() {
		this.contextRunner.withPropertyValues("spring.datasource.url=" + URL).run((context) -> {
			assertThat(context).hasSingleBean(DerivedConnection.class);
			ConnectionFactoryOptions options = context.getBean(R2dbcConnectionDetails.class)
				.getConnectionFactoryOptions();
			assertThat(options.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("db.example.com");
			assertThat(options.getValue(ConnectionFactoryOptions.PASSWORD).toString()).isEqualTo("s3cr@t");
			assertThat(context.getBean(ConnectionFactory.class)).isInstanceOf(ConnectionPool.class);
			LiquibaseConnectionDetails migration = context.getBean(LiquibaseConnectionDetails.class);
			assertThat(migration.getJdbcUrl()).startsWith("jdbc:postgresql://db.example.com:5433/shop?")
				.contains("sslmode=require")
				.doesNotContain("s3cr");
			assertThat(migration.getUsername()).isEqualTo("app");
			assertThat(migration.getPassword()).isEqualTo("s3cr@t");
			assertThat(context).hasSingleBean(JdbcConnectionDetails.class);
		});
	}

	@Test
	void givesTheApplicationNoDataSourceEvenWithHikariOnTheClasspath() {
		assertThat(HikariDataSource.class).isNotNull();
		this.contextRunner.withPropertyValues("spring.datasource.url=" + URL)
			.run((context) -> assertThat(context).doesNotHaveBean(DataSource.class));
	}

	@Test
	void givesTheApplicationNoDataSourceWithoutHikari() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.withPropertyValues("spring.datasource.url=" + URL)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(DataSource.class);
			});
	}

	@Test
	void migrationsAlwaysTargetThePrimary() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://h1:5432,h2:5432/app?targetServerType=preferSecondary",
					"spring.datasource.username=app", "spring.datasource.password=pw")
			.run((context) -> assertThat(context.getBean(LiquibaseConnectionDetails.class).getJdbcUrl())
				.contains("targetServerType=primary"));
	}

	@Test
	void liquibaseUserSwitchesOnlyTheMigrationRole() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + URL, "spring.liquibase.user=owner",
					"spring.liquibase.password=ddl")
			.run((context) -> {
				LiquibaseConnectionDetails migration = context.getBean(LiquibaseConnectionDetails.class);
				assertThat(migration.getUsername()).isEqualTo("owner");
				assertThat(migration.getPassword()).isEqualTo("ddl");
				assertThat(migration.getJdbcUrl()).contains("db.example.com:5433/shop");
				assertThat(context.getBean(DualityStartupReport.class).migrationPath())
					.contains("as spring.liquibase.user owner")
					.doesNotContain("ddl");
				assertThat(context.getBean(R2dbcConnectionDetails.class)
					.getConnectionFactoryOptions()
					.getValue(ConnectionFactoryOptions.USER)).isEqualTo("app");
			});
	}

	@Test
	void backsOffForTheApplicationPathWhenSpringR2dbcUrlIsSet() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + URL, "spring.r2dbc.url=r2dbc:postgresql://u:p@other:5432/x")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DerivedR2dbcConnectionDetails.class);
				assertThat(context.getBean(R2dbcConnectionDetails.class)
					.getConnectionFactoryOptions()
					.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("other");
				assertThat(context).hasSingleBean(DerivedLiquibaseConnectionDetails.class);
			});
	}

	@Test
	void backsOffForTheMigrationPathWhenSpringLiquibaseUrlIsSet() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + URL,
					"spring.liquibase.url=jdbc:postgresql://migrations:5432/x")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DerivedLiquibaseConnectionDetails.class);
				assertThat(context.getBean(DualityStartupReport.class).migrationPath())
					.isEqualTo("explicit spring.liquibase.url (not derived)");
				assertThat(context).hasSingleBean(DerivedR2dbcConnectionDetails.class);
			});
	}

	@Test
	void backsOffForUserConnectionDetailsAsServiceConnectionsProvide() {
		this.contextRunner.withPropertyValues("spring.datasource.url=" + URL)
			.withUserConfiguration(ServiceConnectionStyleDetails.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DerivedR2dbcConnectionDetails.class);
				assertThat(context).doesNotHaveBean(DerivedJdbcConnectionDetails.class);
				assertThat(context).doesNotHaveBean(DerivedLiquibaseConnectionDetails.class);
				assertThat(context.getBean(R2dbcConnectionDetails.class)
					.getConnectionFactoryOptions()
					.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("container");
				assertThat(context.getBean(LiquibaseConnectionDetails.class).getJdbcUrl())
					.isEqualTo("jdbc:postgresql://container:5432/test");
			});
	}

	@Test
	void needsNoResolvableUrlWhenServiceConnectionsSupplyEveryPath() {
		this.contextRunner.withPropertyValues("spring.datasource.url=${DUALITY_TEST_NEVER_SET_URL}")
			.withUserConfiguration(ServiceConnectionStyleDetails.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().containsSingleton("dualityDerivedConnection")).isFalse();
				assertThat(context.getBean(DualityStartupReport.class).applicationPath())
					.isEqualTo("explicit R2dbcConnectionDetails bean 'containerR2dbcConnectionDetails' (not derived)");
			});
	}

	@Test
	void backsOffForAUserConnectionFactory() {
		this.contextRunner.withPropertyValues("spring.datasource.url=" + URL)
			.withBean("myConnectionFactory", ConnectionFactory.class, () -> new ConnectionPool(
					io.r2dbc.pool.ConnectionPoolConfiguration
						.builder(io.r2dbc.spi.ConnectionFactories.get("r2dbc:postgresql://u:p@mine:5432/x"))
						.build()))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DerivedR2dbcConnectionDetails.class);
				assertThat(context).getBeanNames(ConnectionFactory.class).containsExactly("myConnectionFactory");
				assertThat(context).doesNotHaveBean(DataSource.class);
				assertThat(context.getBean(DualityStartupReport.class).applicationPath())
					.contains("ConnectionFactory bean 'myConnectionFactory'");
			});
	}

	@Test
	void backsOffForAUserSpringLiquibase() {
		this.contextRunner.withPropertyValues("spring.datasource.url=" + URL)
			.withBean("myLiquibase", SpringLiquibase.class, () -> {
				SpringLiquibase liquibase = new SpringLiquibase();
				liquibase.setShouldRun(false);
				return liquibase;
			})
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DerivedLiquibaseConnectionDetails.class);
				assertThat(context).getBeanNames(SpringLiquibase.class).containsExactly("myLiquibase");
				assertThat(context.getBean(DualityStartupReport.class).migrationPath())
					.contains("SpringLiquibase bean 'myLiquibase'");
			});
	}

	@Test
	void isOffWhenDisabled() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + URL, "duality.enabled=false",
					"spring.r2dbc.url=r2dbc:postgresql://u:p@other:5432/x")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DerivedConnection.class);
				assertThat(context).doesNotHaveBean(DualityStartupReport.class);
				assertThat(context).doesNotHaveBean(DerivedR2dbcConnectionDetails.class);
			});
	}

	@Test
	void withNeitherMigrationToolThereIsNoJdbcPath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("liquibase."))
			.withPropertyValues("spring.datasource.url=" + URL)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(DerivedR2dbcConnectionDetails.class)
					.doesNotHaveBean(JdbcConnectionDetails.class)
					.doesNotHaveBean(LiquibaseConnectionDetails.class);
				assertThat(context.getBean(DualityStartupReport.class).migrationPath())
					.isEqualTo("none (neither Liquibase nor Flyway is on the classpath)");
			});
	}

	@Test
	void aMigrationToolWhoseAutoConfigurationIsMissingIsNamedAsSuch() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
					R2dbcAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + URL)
			.run((context) -> assertThat(context.getBean(DualityStartupReport.class).migrationPath()).isEqualTo(
					"none (Liquibase on the classpath, but Duality's auto-configuration for it is not in this context: "
							+ "import it with Boot's)"));
	}

	@Test
	void migrationsGoToTheMigrationUrlAndTheApplicationThroughThePooler() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=postgres://app:s3cr%40t@bouncer.internal:6432/shop"
					+ "?sslmode=require&pgbouncer=true", "duality.migration.url=postgresql://db.internal:5432")
			.run((context) -> {
				LiquibaseConnectionDetails migration = context.getBean(LiquibaseConnectionDetails.class);
				assertThat(migration.getJdbcUrl()).startsWith("jdbc:postgresql://db.internal:5432/shop?")
					.contains("sslmode=require")
					.doesNotContain("prepareThreshold");
				assertThat(migration.getUsername()).isEqualTo("app");
				assertThat(migration.getPassword()).isEqualTo("s3cr@t");
				assertThat(context.getBean(R2dbcConnectionDetails.class)
					.getConnectionFactoryOptions()
					.getValue(ConnectionFactoryOptions.HOST)).isEqualTo("bouncer.internal");
				DualityStartupReport report = context.getBean(DualityStartupReport.class);
				assertThat(report.applicationPath())
					.contains("through a transaction pooler (pgbouncer=true), no server-side prepared statements");
				assertThat(report.migrationPath()).contains("jdbc:postgresql://db.internal:5432/shop")
					.contains("(endpoint: duality.migration.url)");
			});
	}

	@Test
	void providersDirectEndpointIsDerivedAndSaidSo() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=postgresql://alex:s3cr%40t@ep-cool-darkness-123456-pooler"
					+ ".us-east-2.aws.neon.tech/dbname?sslmode=require")
			.run((context) -> {
				assertThat(context.getBean(LiquibaseConnectionDetails.class).getJdbcUrl())
					.startsWith("jdbc:postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech:5432/dbname?");
				assertThat(context.getBean(DualityStartupReport.class).migrationPath())
					.contains("(endpoint: derived from Neon's convention: the same host without -pooler)");
			});
	}

	@Test
	void refusesToMigrateThroughAPoolerWithoutADirectEndpoint() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=postgres://app:s3cr%40t@bouncer.internal:6432/shop?pgbouncer=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(TransactionPoolerException.class)
					.rootCause()
					.hasMessageContaining("session-level lock")
					.hasMessageNotContaining("s3cr");
			});
	}

	@Test
	void poolerNoneLetsMigrationsUseTheUrl() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=postgres://app:s3cr%40t@bouncer.internal:6432/shop?pgbouncer=true",
					"duality.pooler=none")
			.run((context) -> assertThat(context.getBean(LiquibaseConnectionDetails.class).getJdbcUrl())
				.startsWith("jdbc:postgresql://bouncer.internal:6432/shop?"));
	}

	@Test
	void migrationUrlToAnotherDatabaseNamesBothProperties() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=postgres://app:s3cr%40t@bouncer.internal:6432/shop?pgbouncer=true",
					"duality.migration.url=postgres://db.internal/shop_copy")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MigrationUrlException.class);
				InvalidDatasourceUrlException failure = findCause(context.getStartupFailure(),
						InvalidDatasourceUrlException.class);
				assertThat(failure.getProperty()).isEqualTo("duality.migration.url");
				assertThat(failure.getOrigins()).containsOnlyKeys("duality.migration.url", "spring.datasource.url");
				assertThat(failure.getMessage()).contains("'shop_copy'").contains("'shop'").doesNotContain("s3cr");
			});
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + failure);
	}

	@Test
	void refusesAMisspelledParameterAtStartup() {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:postgresql://h/app?sslMode=require")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("sslMode")
					.hasMessageContaining("sslmode");
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(
						io.github.duality.core.model.InvalidConnectionUrlException.class);
			});
	}

	@Test
	void reportsBothDerivedTargetsWithoutSecrets() {
		this.contextRunner.withPropertyValues("spring.datasource.url=" + URL).run((context) -> {
			DualityStartupReport report = context.getBean(DualityStartupReport.class);
			assertThat(report.applicationPath()).contains("r2dbc:postgresql://db.example.com:5433/shop")
				.contains("user app")
				.contains("sslMode require")
				.contains("pool max 10")
				.doesNotContain("s3cr");
			assertThat(report.migrationPath()).contains("jdbc:postgresql://db.example.com:5433/shop")
				.contains("sslmode require")
				.doesNotContain("s3cr");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ServiceConnectionStyleDetails {

		@Bean
		R2dbcConnectionDetails containerR2dbcConnectionDetails() {
			return () -> ConnectionFactoryOptions.parse("r2dbc:postgresql://test:test@container:5432/test");
		}

		@Bean
		JdbcConnectionDetails containerJdbcConnectionDetails() {
			return new ContainerJdbcConnectionDetails();
		}

		@Bean
		LiquibaseConnectionDetails containerLiquibaseConnectionDetails() {
			return new ContainerLiquibaseConnectionDetails();
		}

	}

	static class ContainerJdbcConnectionDetails extends ContainerDetails implements JdbcConnectionDetails {

	}

	static class ContainerLiquibaseConnectionDetails extends ContainerDetails implements LiquibaseConnectionDetails {

	}

	/** Connection details as Testcontainers' {@code @ServiceConnection} would register them. */
	abstract static class ContainerDetails {

		public String getUsername() {
			return "test";
		}

		public String getPassword() {
			return "test";
		}

		public String getJdbcUrl() {
			return "jdbc:postgresql://container:5432/test";
		}

		public String getDriverClassName() {
			return "org.postgresql.Driver";
		}

	}

}
