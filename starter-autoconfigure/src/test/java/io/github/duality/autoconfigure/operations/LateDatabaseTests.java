package io.github.duality.autoconfigure.operations;

import java.time.Duration;
import java.util.Map;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code duality.startup.wait}: the application starts before its database (Docker Compose, Kubernetes) and is UP
 * once the database is, without a restart.
 */
class LateDatabaseTests {

	@Test
	void applicationWaitsForADatabaseStartedTenSecondsLater() throws Exception {
		TestPostgres postgres = TestPostgres.dedicated();
		try {
			postgres.stop();
			Map<String, String> properties = Map.of("duality.startup.wait", "90s", "spring.liquibase.change-log",
					"classpath:db/operations/changelog.yaml", "spring.liquibase.contexts", "v1");
			try (ChildApplication instance = ChildApplication.start(OperationsTestApplication.class, "late-database",
					Map.of("SPRING_DATASOURCE_URL", postgres.databaseUrl()), properties)) {
				instance.awaitOutput("Duality: migration path cannot reach jdbc:postgresql://" + postgres.host() + ":"
						+ postgres.port() + "/" + postgres.database() + " (user " + postgres.username()
						+ ", sslmode verify-full) yet", Duration.ofSeconds(120));
				ChildApplication.pause(Duration.ofSeconds(10));
				assertThat(instance.healthStatus()).as("no HTTP port before the migrations ran").isEmpty();
				postgres.startAgain();
				instance.awaitUp(Duration.ofSeconds(120));
				String output = instance.output();
				assertThat(output).contains("Duality: migration path reached jdbc:postgresql://" + postgres.host())
					.contains("(attempt 2, ")
					.doesNotContain(postgres.password())
					.doesNotContain(TestPostgres.percentEncode(postgres.password()));
				System.out.printf("Late database: %d failed connection attempts logged before the database came up%n",
						output.lines().filter((line) -> line.contains("cannot reach")).count());
			}
		}
		finally {
			postgres.destroy();
		}
	}

}
