package io.github.duality.autoconfigure.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.sql.DataSource;

import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Flyway application as README's sample builds it: the starter with {@code liquibase-core} excluded, plus
 * {@code flyway-core}, {@code flyway-database-postgresql} and {@code spring-boot-flyway} (the
 * {@code flyway-without-liquibase} Surefire execution removes liquibase-core from this test's classpath), one
 * {@code spring.datasource.url}, migrations in {@code db/migration}.
 */
@SpringBootTest(classes = LiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,metrics",
				"management.endpoint.health.show-details=always" })
@ExtendWith(OutputCaptureExtension.class)
class FlywayWithoutLiquibaseLiveTests {

	private static final TestPostgres postgres = TestPostgres.get();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", postgres::databaseUrl);
	}

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DatabaseClient databaseClient;

	@LocalServerPort
	private int port;

	@Test
	void liquibaseIsReallyAbsent() {
		assertThat(ClassUtils.isPresent("liquibase.integration.spring.SpringLiquibase", null)).isFalse();
	}

	@Test
	void flywayMigratedOverTlsAndTheApplicationReadsThroughThePool() {
		assertThat(postgres.queryAsSuperuser("select version, script from public.flyway_schema_history order by 1"))
			.containsExactly(Map.of("version", "1", "script", "V1__things.sql"),
					Map.of("version", "2", "script", "V2__seed_things.sql"));
		Map<String, Object> row = this.databaseClient
			.sql("select (select name from thing where id = 1) as name, "
					+ "(select ssl from pg_stat_ssl where pid = pg_backend_pid()) as tls")
			.fetch()
			.one()
			.block();
		assertThat(row).containsEntry("name", "first").containsEntry("tls", true);
		assertThat(this.context.getBeanNamesForType(DataSource.class)).isEmpty();
	}

	@Test
	void noJdbcConnectionStaysOpenAfterStartup() {
		this.databaseClient.sql("select 1").fetch().one().block();
		assertThat(FlywayLiveTests.jdbcConnections()).isZero();
	}

	@Test
	void healthShowsBothComponentsWithFlywaysHistory() throws Exception {
		JsonNode database = JsonMapper.builder().build().readTree(get("/actuator/health")).path("components")
			.path("database");
		assertThat(database.path("status").asString()).isEqualTo("UP");
		JsonNode migration = database.path("components").path("migration").path("details");
		assertThat(migration.path("ssl").asBoolean()).isTrue();
		assertThat(migration.path("flyway").path("applied").asInt()).isEqualTo(2);
		assertThat(migration.path("flyway").path("last").asString()).isEqualTo("V2__seed_things.sql");
		assertThat(migration.has("liquibase")).isFalse();
		assertThat(database.path("components").path("application").path("details").path("ssl").asBoolean())
			.isTrue();
	}

	@Test
	void metricsShowTheFlywayRun() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		JsonNode run = json.readTree(get("/actuator/metrics/duality.migration?tag=tool:flyway&tag=outcome:success"));
		assertThat(run.path("measurements").get(0).path("value").asDouble()).isEqualTo(1.0);
		assertThat(run.path("availableTags").get(0).path("tag").asString()).isEqualTo("applied");
		assertThat(run.path("availableTags").get(0).path("values").get(0).asString()).isEqualTo("2");
		JsonNode pending = json.readTree(get("/actuator/metrics/duality.migration.pending?tag=tool:flyway"));
		assertThat(pending.path("measurements").get(0).path("value").asDouble()).isZero();
	}

	@Test
	void theStartupLineNamesFlyway(CapturedOutput output) {
		assertThat(output.getAll()).containsPattern(
				"Duality: application path -> r2dbc:postgresql://.*; migration path -> jdbc:postgresql://.*, Flyway enabled");
		DualityLiveTests.assertNoPassword(output.getAll());
	}

	private String get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
