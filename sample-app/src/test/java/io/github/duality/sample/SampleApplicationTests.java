package io.github.duality.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app over real HTTP, on the test PostgreSQL reached through a {@code postgres://} URL with TLS verified,
 * in a database of its own: its startup applies the whole change log, whichever test class of the JVM runs first.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SampleApplicationTests {

	private static final String DATABASE = "sample_application_tests";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestPostgres postgres = TestPostgres.get();
		postgres.createDatabase(DATABASE);
		registry.add("spring.datasource.url", () -> postgres.databaseUrl(DATABASE));
	}

	@Autowired
	private WebTestClient client;

	@Test
	void createdProductIsStoredWithItsExactPriceAndCanBeReadBack() {
		String name = unique("Lamp");
		byte[] created = post("/products", "{\"name\":\"" + name + "\",\"price\":12.34}").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.id").isNumber()
			.jsonPath("$.name").isEqualTo(name)
			.jsonPath("$.createdAt").isNotEmpty()
			.returnResult()
			.getResponseBody();
		// the raw JSON, not a parsed double: 12.34 must travel as written
		assertThat(new String(created)).contains("\"price\":12.34");
		long id = idOfProduct(name);
		assertThat(TestPostgres.get().queryAsSuperuserIn(DATABASE, "select price from products where id = ?", id))
			.containsExactly(Map.of("price", new BigDecimal("12.34")));
		byte[] read = this.client.get().uri("/products/{id}", id).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.id").isEqualTo(id)
			.jsonPath("$.name").isEqualTo(name)
			.returnResult()
			.getResponseBody();
		assertThat(new String(read)).contains("\"price\":12.34");
	}

	@Test
	void locationOfCreatedProductServesIt() {
		String name = unique("Chair");
		String location = post("/products", "{\"name\":\"" + name + "\",\"price\":99999999.99}").expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", "http://localhost:\\d+/products/\\d+")
			.returnResult(String.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		byte[] body = this.client.get().uri(location).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.name").isEqualTo(name)
			.returnResult()
			.getResponseBody();
		// the largest NUMERIC(10, 2): a double would print 9.999999999E7
		assertThat(new String(body)).contains("\"price\":99999999.99");
	}

	@Test
	void listContainsCreatedProductsWithTheStoredScale() {
		String name = unique("Pen");
		post("/products", "{\"name\":\"" + name + "\",\"price\":0.5}").expectStatus().isCreated();
		byte[] list = this.client.get().uri("/products").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.name == '" + name + "')]").exists()
			.returnResult()
			.getResponseBody();
		// NUMERIC(10, 2) stores 0.5 as 0.50, and the API shows what is stored
		assertThat(new String(list)).contains("\"price\":0.50");
	}

	@Test
	void unknownProductIsNotFound() {
		this.client.get().uri("/products/{id}", Long.MAX_VALUE).exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(404)
			.jsonPath("$.detail").isEqualTo("No product with id " + Long.MAX_VALUE);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"name":"Lamp","price":                  | Failed to read HTTP message
			{"price":1.00}                           | name is required
			{"name":" ","price":1.00}                | name is required
			{"name":"Lamp"}                          | price is required
			{"name":"Lamp","price":-0.01}            | price must not be negative
			{"name":"Lamp","price":1.005}            | price must have at most 2 decimal places
			{"name":"Lamp","price":100000000}        | price must be less than 100000000
			{"name":"Lamp","price":"twelve"}         | Failed to read HTTP message
			""")
	void invalidProductIsRefusedWithAProblem(String body, String detail) {
		post("/products", body).expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(400)
			.jsonPath("$.detail").isEqualTo(detail);
	}

	@Test
	void userIsCreatedOnceAndTheDuplicateIsAConflict() {
		String email = unique("ada") + "@example.com";
		post("/users", "{\"email\":\"" + email + "\"}").expectStatus().isCreated()
			.expectHeader().valueMatches("Location", ".*/users/\\d+")
			.expectBody()
			.jsonPath("$.id").isNumber()
			.jsonPath("$.email").isEqualTo(email);
		post("/users", "{\"email\":\"" + email + "\"}").expectStatus().isEqualTo(409)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status").isEqualTo(409)
			.jsonPath("$.detail").isEqualTo("A user with email " + email + " already exists");
	}

	@Test
	void userWithoutEmailIsRefused() {
		post("/users", "{}").expectStatus().isBadRequest().expectBody()
			.jsonPath("$.detail").isEqualTo("email is required");
	}

	@Test
	void healthShowsBothPathsUpOverTls() {
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.database.status").isEqualTo("UP")
			.jsonPath("$.components.database.components.migration.status").isEqualTo("UP")
			.jsonPath("$.components.database.components.migration.details.ssl").isEqualTo(true)
			.jsonPath("$.components.database.components.application.status").isEqualTo("UP")
			.jsonPath("$.components.database.components.application.details.ssl").isEqualTo(true);
	}

	@Test
	void metricsShowTheMigrationRunBesideBootsPoolGauges() {
		this.client.get().uri("/actuator/metrics/duality.migration?tag=tool:liquibase&tag=outcome:success")
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").isEqualTo(1.0)
			// the change log's 3 change sets, applied to this test's empty database
			.jsonPath("$.availableTags[?(@.tag == 'applied')].values[0]")
			.value((applied) -> assertThat((List<?>) applied).isEqualTo(List.of("3")));
		this.client.get().uri("/actuator/metrics/r2dbc.pool.max.allocated?tag=name:connectionFactory")
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.measurements[0].value").isEqualTo(10.0);
	}

	@Test
	void readinessWaitsForTheDatabaseAndLivenessDoesNot() {
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.components.database.components.migration.details.startup.liquibase.outcome").exists()
			.jsonPath("$.components.readinessState.status").isEqualTo("UP");
		this.client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.components.livenessState.status").isEqualTo("UP")
			.jsonPath("$.components.database").doesNotExist();
	}

	@Test
	void liquibaseCreatedTheSchema() {
		assertThat(columns("products")).containsExactly(
				"id bigint identity not null",
				"name text not null",
				"price numeric(10,2) not null",
				"created_at timestamp with time zone default now() not null");
		assertThat(columns("users")).containsExactly(
				"id bigint identity not null",
				"email text not null",
				"created_at timestamp with time zone default now() not null");
		assertThat(TestPostgres.get().queryAsSuperuserIn(DATABASE,
				"select indexdef from pg_indexes where schemaname = 'public' and indexname = 'users_email_idx'"))
			.containsExactly(Map.of("indexdef",
					"CREATE UNIQUE INDEX users_email_idx ON public.users USING btree (email)"));
		assertThat(TestPostgres.get().queryAsSuperuserIn(DATABASE,
				"select pg_get_constraintdef(oid) as definition from pg_constraint where conname = ?",
				"products_price_not_negative"))
			.containsExactly(Map.of("definition", "CHECK ((price >= (0)::numeric))"));
	}

	/** Each column as "name type [identity] [default ...] [not null]", in table order. */
	private List<String> columns(String table) {
		return TestPostgres.get()
			.queryAsSuperuserIn(DATABASE, """
					select column_name || ' ' || data_type
						|| case when data_type = 'numeric' then '(' || numeric_precision || ',' || numeric_scale || ')' else '' end
						|| case when is_identity = 'YES' then ' identity' else '' end
						|| coalesce(' default ' || column_default, '')
						|| case when is_nullable = 'NO' then ' not null' else '' end as description
					from information_schema.columns
					where table_schema = 'public' and table_name = ?
					order by ordinal_position""", table)
			.stream()
			.map((row) -> (String) row.get("description"))
			.toList();
	}

	private long idOfProduct(String name) {
		return (long) TestPostgres.get()
			.queryAsSuperuserIn(DATABASE, "select id from products where name = ?", name)
			.get(0)
			.get("id");
	}

	private ResponseSpec post(String path, String json) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

}
