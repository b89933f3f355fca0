package io.github.duality.sample.containers;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataR2dbcTest} with a {@code @ServiceConnection} container: Boot's connection details for it keep
 * precedence in the slice, Liquibase migrates the container over JDBC, and the unset {@code DATABASE_URL} is not read.
 */
@DataR2dbcTest
@Testcontainers
@RequiresDockerEngine
class ServiceConnectionDataR2dbcTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DatabaseClient databaseClient;

	@Test
	void bootsConnectionDetailsDriveBothPathsInTheSlice() {
		assertThat(this.context.getBean(R2dbcConnectionDetails.class).getClass().getName())
			.startsWith("org.springframework.boot.");
		assertThat(this.context.getBean(LiquibaseConnectionDetails.class).getClass().getName())
			.startsWith("org.springframework.boot.");
		assertThat(this.databaseClient.sql("select count(*) from databasechangelog")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(3);
	}

}
