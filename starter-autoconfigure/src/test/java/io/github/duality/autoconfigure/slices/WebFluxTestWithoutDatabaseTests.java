package io.github.duality.autoconfigure.slices;

import io.github.duality.core.DerivedConnection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slice without a database: {@code spring.datasource.url} is an unresolvable {@code ${DATABASE_URL}}, as on a
 * developer machine with the variable unset, and the slice neither derives nor connects, so it does not fail.
 */
@WebFluxTest(properties = "spring.datasource.url=${DUALITY_SLICE_TEST_UNSET_DATABASE_URL}")
class WebFluxTestWithoutDatabaseTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private ApplicationContext context;

	@Test
	void servesWithoutDerivingOrConnecting() {
		assertThat(System.getenv("DUALITY_SLICE_TEST_UNSET_DATABASE_URL")).isNull();
		this.client.get().uri("/greet/duality").exchange().expectStatus().isOk().expectBody(String.class)
			.isEqualTo("hello, duality");
		assertThat(this.context.getBeanNamesForType(DerivedConnection.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(R2dbcConnectionDetails.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(JdbcConnectionDetails.class)).isEmpty();
	}

}
