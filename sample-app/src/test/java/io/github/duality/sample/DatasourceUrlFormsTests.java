package io.github.duality.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The app started from each URL form {@code spring.datasource.url} accepts, as {@code java -jar} would start it:
 * every form must lead both paths, as the same role and over TLS, to the same database.
 */
class DatasourceUrlFormsTests {

	static Stream<Arguments> forms() {
		TestPostgres postgres = TestPostgres.get();
		return Stream.of(argumentSet("postgres://", TestDatabaseUrls.postgres(postgres), List.of()),
				argumentSet("jdbc:postgresql:// with separate credentials", TestDatabaseUrls.jdbc(postgres),
						List.of("--spring.datasource.username=" + postgres.username(),
								"--spring.datasource.password=" + postgres.password())),
				argumentSet("postgresql+asyncpg://", TestDatabaseUrls.asyncpg(postgres), List.of()),
				argumentSet("r2dbc:postgresql://", TestDatabaseUrls.r2dbc(postgres), List.of()));
	}

	@ParameterizedTest
	@MethodSource("forms")
	void appReachesTheTestDatabase(String url, List<String> credentials) {
		// no quiet period for Netty's shared event loops on close: four apps in a row would wait 2 s each
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--spring.reactor.netty.shutdown-quiet-period=0s", "--spring.datasource.url=" + url));
		args.addAll(credentials);
		TestPostgres postgres = TestPostgres.get();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SampleApplication.class)
			.main(SampleApplication.class)
			.run(args.toArray(String[]::new))) {
			// the first request opens the pool's TLS + scram connections: on a busy CI machine that can take longer
			// than WebTestClient's default 5 s, which is not what this test is about
			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort())
				.responseTimeout(Duration.ofSeconds(60))
				.build();
			// written behind the app's back, after its migrations ran: it must come back through R2DBC
			String name = "written-by-superuser-" + UUID.randomUUID();
			Object id = postgres
				.queryAsSuperuser("insert into products (name, price) values (?, 7.25) returning id", name)
				.get(0)
				.get("id");
			client.get().uri("/products/{id}", id).exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.name").isEqualTo(name)
				.jsonPath("$.price").isEqualTo(7.25);
			client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.components.database.components.migration.status").isEqualTo("UP")
				.jsonPath("$.components.database.components.migration.details.database").isEqualTo(postgres.database())
				.jsonPath("$.components.database.components.migration.details.user").isEqualTo(postgres.username())
				.jsonPath("$.components.database.components.migration.details.ssl").isEqualTo(true)
				.jsonPath("$.components.database.components.application.status").isEqualTo("UP")
				.jsonPath("$.components.database.components.application.details.database").isEqualTo(postgres.database())
				.jsonPath("$.components.database.components.application.details.user").isEqualTo(postgres.username())
				.jsonPath("$.components.database.components.application.details.ssl").isEqualTo(true);
		}
	}

}
