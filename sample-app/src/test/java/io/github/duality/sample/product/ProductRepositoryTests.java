package io.github.duality.sample.product;

import java.math.BigDecimal;

import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's recipe for testing repositories against an existing server, without Docker: {@code @DataR2dbcTest}
 * with {@code spring.datasource.url} pointing at it. The slice derives the R2DBC connection and Liquibase applies the
 * app's change log over JDBC first, here to a database of its own that starts empty.
 */
@DataR2dbcTest
class ProductRepositoryTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final String DATABASE = "sample_repository_slice";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		postgres.createDatabase(DATABASE);
		registry.add("spring.datasource.url", () -> postgres.databaseUrl(DATABASE));
	}

	@Autowired
	private ProductRepository products;

	@Test
	void insertReturnsTheStoredRowAndFindsItAgain() {
		Product stored = this.products.insert("Lamp", new BigDecimal("12.34")).block();
		assertThat(stored.id()).isNotNull();
		assertThat(stored.price()).isEqualByComparingTo("12.34");
		assertThat(stored.createdAt()).isNotNull();
		Product found = this.products.findById(stored.id()).block();
		assertThat(found.name()).isEqualTo("Lamp");
		assertThat(found.price()).isEqualByComparingTo("12.34");
	}

}
