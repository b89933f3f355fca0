package io.github.duality.sample.containers;

import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's second recipe: the container's address fed into {@code spring.datasource.url}, so the starter's
 * derivation stays under test. The {@code postgres} image runs without TLS, so the URL says
 * {@code sslmode=disable}: this test proves the wiring, not TLS (the project's own test PostgreSQL does that).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Testcontainers
@RequiresDockerEngine
@ExtendWith(OutputCaptureExtension.class)
class DerivedUrlContainerTests {

	@Container
	static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

	@DynamicPropertySource
	static void databaseUrl(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "postgres://" + postgres.getUsername() + ":" + TestPostgres.percentEncode(postgres.getPassword())
						+ "@" + postgres.getHost() + ":" + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
						+ "/" + postgres.getDatabaseName() + "?sslmode=disable");
	}

	@Autowired
	private ApplicationContext context;

	@Autowired
	private WebTestClient client;

	@Test
	void theStarterDerivedBothPathsFromTheUrl(CapturedOutput output) {
		assertThat(this.context.getBean(R2dbcConnectionDetails.class).getClass().getName())
			.startsWith("io.github.duality.");
		assertThat(output.getAll()).contains("Duality: application path -> r2dbc:postgresql://" + postgres.getHost()
				+ ":" + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + postgres.getDatabaseName());
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.components.database.components.migration.status").isEqualTo("UP")
			.jsonPath("$.components.database.components.migration.details.liquibase.applied").isEqualTo(3)
			.jsonPath("$.components.database.components.migration.details.ssl").isEqualTo(false)
			.jsonPath("$.components.database.components.application.status").isEqualTo("UP")
			.jsonPath("$.components.database.components.application.details.ssl").isEqualTo(false);
	}

	@Test
	void theApiWorksOnTheDerivedPool() {
		this.client.post()
			.uri("/users")
			.header("Content-Type", "application/json")
			.bodyValue("{\"email\":\"ada@example.com\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		this.client.post()
			.uri("/users")
			.header("Content-Type", "application/json")
			.bodyValue("{\"email\":\"ada@example.com\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

}
