package io.github.duality.autoconfigure.live;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.autoconfigure.health.DualityHealthContributorAutoConfiguration;
import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code database} health components against the real server, a dead one and a saturated pool.
 */
class HealthLiveTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class, DualityHealthContributorAutoConfiguration.class))
		.withPropertyValues("duality.health.timeout=" + TIMEOUT.toSeconds() + "s");

	@Test
	void aDeadDatabaseIsDownWithACleanMessageWithinTheTimeout() throws IOException {
		int closedPort = freePort();
		this.contextRunner
			.withPropertyValues("spring.liquibase.enabled=false",
					"spring.datasource.url=postgres://app:secret@127.0.0.1:" + closedPort + "/app?sslmode=disable")
			.run((context) -> {
				for (String component : new String[] { "migration", "application" }) {
					Health health = health(context, component);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails().get("error")).asString()
						.containsIgnoringCase("refused")
						.doesNotContain("\tat ")
						.doesNotContain("secret");
				}
			});
	}

	@Test
	void anExhaustedPoolIsOutOfServiceNotDown() {
		this.contextRunner
			.withPropertyValues("spring.liquibase.enabled=false",
					"spring.datasource.url=" + TestPostgres.get().databaseUrl(),
					"spring.r2dbc.pool.initial-size=1", "spring.r2dbc.pool.max-size=1")
			.run((context) -> {
				Connection held = Mono.from(context.getBean(ConnectionFactory.class).create()).block();
				try {
					Health health = health(context, "application");
					assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
					assertThat(health.getDetails().get("error")).asString().contains("pool exhausted");
					assertThat(health.getDetails().get("pool")).isEqualTo(
							Map.of("acquired", 1, "idle", 0, "pending", 0, "max", 1));
				}
				finally {
					Mono.from(held.close()).block();
				}
				assertThat(health(context, "application").getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void liquibaseUserRunsMigrationsAsAnotherRoleWithTheDerivedHostAndTls() {
		TestPostgres postgres = TestPostgres.get();
		postgres.executeAsSuperuser("create role duality_owner login password 'owner-pw'");
		postgres.executeAsSuperuser("create schema owned authorization duality_owner");
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + TestPostgres.get().databaseUrl(),
					"spring.liquibase.user=duality_owner", "spring.liquibase.password=owner-pw",
					"spring.liquibase.default-schema=owned")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(postgres.queryAsSuperuser(
						"select tableowner from pg_tables where schemaname = 'owned' and tablename = 'greeting'"))
					.singleElement()
					.isEqualTo(Map.of("tableowner", "duality_owner"));
				Health migration = health(context, "migration");
				assertThat(migration.getStatus()).isEqualTo(Status.UP);
				assertThat(migration.getDetails()).containsEntry("user", "duality_owner")
					.containsEntry("ssl", true)
					.containsEntry("liquibase", Map.of("applied", 2L, "last", "seed-greeting"));
				assertThat(health(context, "application").getDetails()).containsEntry("user", postgres.username());
			});
	}

	private static Health health(AssertableApplicationContext context, String component) {
		CompositeReactiveHealthContributor database = context.getBean("databaseHealthContributor",
				CompositeReactiveHealthContributor.class);
		return ((ReactiveHealthIndicator) database.getContributor(component)).health()
			.block(TIMEOUT.plusSeconds(3));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
