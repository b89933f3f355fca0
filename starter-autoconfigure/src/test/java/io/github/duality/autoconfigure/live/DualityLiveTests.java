package io.github.duality.autoconfigure.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.duality.testsupport.TestPostgres;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
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
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The starter in a real WebFlux application against the TLS, scram-sha-256 test PostgreSQL, configured with one
 * libpq URL whose password is URL-hostile. HikariCP is on this test classpath.
 */
@SpringBootTest(classes = LiveTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,env,configprops",
				"management.endpoint.health.show-details=always",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"app.search.keywords=password wordplay", "app.bypass-cache=true", "app.compass.heading=north",
				"spring.r2dbc.properties.sslPassword=" + DualityLiveTests.OTHER_SECRET,
				"spring.flyway.password=" + DualityLiveTests.OTHER_SECRET })
@ExtendWith(OutputCaptureExtension.class)
class DualityLiveTests {

	static final String OTHER_SECRET = "not-the-database-password-but-secret";

	private static final TestPostgres postgres = TestPostgres.get();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", postgres::databaseUrl);
	}

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DatabaseClient databaseClient;

	@Autowired
	private TransactionalOperator transactionalOperator;

	@LocalServerPort
	private int port;

	@Test
	void migrationsRanOverTlsAsTheUrlsRole() {
		List<Map<String, Object>> tables = postgres.queryAsSuperuser(
				"select tableowner from pg_tables where tablename = 'greeting' and schemaname = 'public'");
		assertThat(tables).singleElement().extracting((row) -> row.get("tableowner")).isEqualTo(postgres.username());
		assertThat(postgres.queryAsSuperuser("select count(*) as applied from public.databasechangelog"))
			.singleElement()
			.extracting((row) -> ((Number) row.get("applied")).intValue())
			.isEqualTo(2);
	}

	@Test
	void applicationQueriesGoThroughThePoolOverTls() {
		Map<String, Object> row = this.databaseClient
			.sql("select current_user as role, (select text from greeting limit 1) as text, "
					+ "(select ssl from pg_stat_ssl where pid = pg_backend_pid()) as tls")
			.fetch()
			.one()
			.block();
		assertThat(row).containsEntry("role", postgres.username()).containsEntry("text", "hello")
			.containsEntry("tls", true);
		assertThat(this.context.getBean(ConnectionFactory.class)).isInstanceOf(ConnectionPool.class);
	}

	@Test
	void reactiveTransactionsRollBack() {
		assertThatThrownBy(() -> this.databaseClient.sql("insert into greeting(text) values ('rolled back')")
			.then()
			.then(reactor.core.publisher.Mono.error(new IllegalStateException("boom")))
			.as(this.transactionalOperator::transactional)
			.block()).hasMessageContaining("boom");
		assertThat(this.databaseClient.sql("select count(*) from greeting where text = 'rolled back'")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void theApplicationHasNoDataSource() {
		assertThat(this.context.getBeanNamesForType(DataSource.class)).isEmpty();
	}

	@Test
	void noJdbcConnectionStaysOpenAfterStartup() {
		this.databaseClient.sql("select 1").fetch().one().block();
		List<Map<String, Object>> connections = postgres.queryAsSuperuser(
				"select application_name from pg_stat_activity where usename = ? and backend_type = 'client backend'",
				postgres.username());
		assertThat(connections).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get("application_name")).isEqualTo("r2dbc-postgresql"));
	}

	@Test
	void healthReportsBothPathsUpOverTls() throws Exception {
		JsonNode health = getJson("/actuator/health");
		JsonNode database = health.path("components").path("database");
		assertThat(database.path("status").asString()).isEqualTo("UP");
		JsonNode migration = database.path("components").path("migration");
		assertThat(migration.path("status").asString()).isEqualTo("UP");
		assertThat(migration.path("details").path("ssl").asBoolean()).isTrue();
		assertThat(migration.path("details").path("user").asString()).isEqualTo(postgres.username());
		assertThat(migration.path("details").path("database").asString()).isEqualTo(postgres.database());
		assertThat(migration.path("details").path("liquibase").path("applied").asInt()).isEqualTo(2);
		assertThat(migration.path("details").path("liquibase").path("last").asString()).isEqualTo("seed-greeting");
		JsonNode application = database.path("components").path("application");
		assertThat(application.path("status").asString()).isEqualTo("UP");
		assertThat(application.path("details").path("ssl").asBoolean()).isTrue();
		assertThat(application.path("details").path("user").asString()).isEqualTo(postgres.username());
		assertThat(application.path("details").path("pool").path("max").asInt()).isEqualTo(10);
		assertThat(application.path("details").path("url").asString())
			.isEqualTo("r2dbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + postgres.database());
		assertThat(health.path("components").has("r2dbc")).as("Boot's r2dbc indicator is replaced").isFalse();
	}

	@Test
	void noPasswordInLogsOrActuatorEndpoints(CapturedOutput output) throws Exception {
		assertThat(output.getAll()).contains("Duality: application path -> r2dbc:postgresql://");
		assertNoPassword(output.getAll());
		assertNoPassword(get("/actuator/health"));
		assertNoPassword(get("/actuator/env"));
		assertNoPassword(get("/actuator/configprops"));
	}

	@Test
	void envEndpointMasksDatabasePasswordsAndLeavesTheRestToBoot() throws Exception {
		assertThat(envValue("app.search.keywords")).isEqualTo("password wordplay");
		assertThat(envValue("app.bypass-cache")).isEqualTo("true");
		assertThat(envValue("app.compass.heading")).isEqualTo("north");
		assertThat(envValue("spring.flyway.password")).isEqualTo("******");
		assertThat(envValue("spring.datasource.url")).startsWith("postgres").doesNotContain(postgres.password());
		assertThat(get("/actuator/env")).doesNotContain(OTHER_SECRET);
	}

	private String envValue(String property) throws Exception {
		return getJson("/actuator/env/" + property).path("property").path("value").asString();
	}

	static void assertNoPassword(String text) {
		String password = postgres.password();
		assertThat(text).doesNotContain(password)
			.doesNotContain(TestPostgres.percentEncode(password))
			.doesNotContain(java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8))
			.doesNotContain(password.substring(0, password.indexOf('?')));
	}

	private JsonNode getJson(String path) throws Exception {
		return JsonMapper.builder().build().readTree(get(path));
	}

	private String get(String path) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

}
