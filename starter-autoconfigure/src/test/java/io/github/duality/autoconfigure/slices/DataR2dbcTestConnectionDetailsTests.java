package io.github.duality.autoconfigure.slices;

import java.util.Map;

import io.github.duality.core.DerivedConnection;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection details that exist before the slice's auto-configurations, as {@code @ServiceConnection} (registered by
 * its context customizer) and Docker Compose register them, keep precedence in {@code @DataR2dbcTest}: the starter
 * backs off for every path and does not read {@code spring.datasource.url}, here an unresolvable placeholder. The
 * sample app's {@code ServiceConnectionDataR2dbcTests} does the same with a real {@code @ServiceConnection} container
 * where a Docker engine answers.
 */
@DataR2dbcTest(properties = "spring.datasource.url=${DUALITY_SLICE_TEST_UNSET_DATABASE_URL}")
@Import(DataR2dbcTestConnectionDetailsTests.ExplicitDetails.class)
class DataR2dbcTestConnectionDetailsTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final String DATABASE = "slice_explicit";

	@Autowired
	private ConfigurableApplicationContext context;

	@Autowired
	private DatabaseClient databaseClient;

	@Test
	void theGivenDetailsDriveBothPathsAndNothingIsDerived() {
		// defined, lazily, but never created: the URL is not read
		assertThat(this.context.getBeanNamesForType(DerivedConnection.class)).allSatisfy(
				(name) -> assertThat(this.context.getBeanFactory().containsSingleton(name)).isFalse());
		assertThat(this.context.getBeanNamesForType(R2dbcConnectionDetails.class)).containsExactly("r2dbcDetails");
		assertThat(this.context.getBeanNamesForType(LiquibaseConnectionDetails.class))
			.containsExactly("liquibaseDetails");
		assertThat(this.databaseClient.sql("select current_database()")
			.map((row) -> row.get(0, String.class))
			.one()
			.block()).isEqualTo(DATABASE);
		assertThat(postgres.queryAsSuperuserIn(DATABASE, "select count(*) as applied from databasechangelog"))
			.containsExactly(Map.of("applied", 2L));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ExplicitDetails {

		ExplicitDetails() {
			postgres.createDatabase(DATABASE);
		}

		@Bean
		R2dbcConnectionDetails r2dbcDetails() {
			return () -> ConnectionFactoryOptions.builder()
				.option(ConnectionFactoryOptions.DRIVER, "postgresql")
				.option(ConnectionFactoryOptions.HOST, postgres.host())
				.option(ConnectionFactoryOptions.PORT, postgres.port())
				.option(ConnectionFactoryOptions.DATABASE, DATABASE)
				.option(ConnectionFactoryOptions.USER, postgres.username())
				.option(ConnectionFactoryOptions.PASSWORD, postgres.password())
				.option(PostgresqlConnectionFactoryProvider.SSL_MODE, io.r2dbc.postgresql.client.SSLMode.VERIFY_FULL)
				.option(PostgresqlConnectionFactoryProvider.SSL_ROOT_CERT, postgres.caCertificate().toString())
				.build();
		}

		@Bean
		JdbcConnectionDetails jdbcDetails() {
			return new JdbcConnectionDetails() {

				@Override
				public String getUsername() {
					return postgres.username();
				}

				@Override
				public String getPassword() {
					return postgres.password();
				}

				@Override
				public String getJdbcUrl() {
					return jdbcUrl();
				}

			};
		}

		@Bean
		LiquibaseConnectionDetails liquibaseDetails() {
			return new LiquibaseConnectionDetails() {

				@Override
				public String getUsername() {
					return postgres.username();
				}

				@Override
				public String getPassword() {
					return postgres.password();
				}

				@Override
				public String getJdbcUrl() {
					return jdbcUrl();
				}

			};
		}

		private static String jdbcUrl() {
			return "jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + DATABASE
					+ "?sslmode=verify-full&sslrootcert=" + TestPostgres.percentEncode(postgres.caCertificate().toString());
		}

	}

}
