package io.github.duality.sample.product;

import java.math.BigDecimal;

import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.r2dbc.repository.R2dbcRepository;

interface ProductRepository extends R2dbcRepository<Product, Long> {

	/** Returns the stored row, so the response shows the generated id and the database's created_at. */
	@Query("INSERT INTO products (name, price) VALUES (:name, :price) RETURNING *")
	Mono<Product> insert(String name, BigDecimal price);

}
