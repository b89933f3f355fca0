package io.github.duality.sample.containers;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's testing recipe: a Testcontainers PostgreSQL as a {@code @ServiceConnection}. Boot's connection details
 * for it drive both paths (Liquibase over JDBC, the application over the R2DBC pool) and the starter backs off;
 * {@code spring.datasource.url} is not read, so the unset {@code DATABASE_URL} does not matter.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Testcontainers
@RequiresDockerEngine
class ServiceConnectionContainerTests {

	@Container
	@ServiceConnection
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DatabaseClient databaseClient;

	@Autowired
	private WebTestClient client;

	@Test
	void bootsConnectionDetailsDriveBothPaths() {
		assertThat(this.context.getBean(R2dbcConnectionDetails.class).getClass().getName())
			.startsWith("org.springframework.boot.");
		assertThat(this.context.getBean(LiquibaseConnectionDetails.class).getClass().getName())
			.startsWith("org.springframework.boot.");
		assertThat(this.context.getBeanNamesForType(DataSource.class)).isEmpty();
	}

	@Test
	void liquibaseMigratedTheContainerAndTheApiUsesIt() {
		assertThat(this.databaseClient.sql("select count(*) from databasechangelog")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isEqualTo(3);
		this.client.post()
			.uri("/products")
			.header("Content-Type", "application/json")
			.bodyValue("{\"name\":\"Lamp\",\"price\":12.34}")
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.get().uri("/products").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.name == 'Lamp' && @.price == 12.34)]").exists();
	}

	@Test
	void healthShowsBothPathsOnTheContainer() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.components.database.components.migration.status").isEqualTo("UP")
			.jsonPath("$.components.database.components.migration.details.database").isEqualTo(postgres.getDatabaseName())
			.jsonPath("$.components.database.components.application.status").isEqualTo("UP")
			.jsonPath("$.components.database.components.application.details.database")
			.isEqualTo(postgres.getDatabaseName());
	}

}
