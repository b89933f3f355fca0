package io.github.duality.sample.user;

import reactor.core.publisher.Mono;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.r2dbc.repository.R2dbcRepository;

interface UserRepository extends R2dbcRepository<User, Long> {

	/** Returns the stored row, so the response shows the generated id and the database's created_at. */
	@Query("INSERT INTO users (email) VALUES (:email) RETURNING *")
	Mono<User> insert(String email);

}
