package io.github.duality.autoconfigure.slices;

import reactor.core.publisher.Flux;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface GreetingRepository extends ReactiveCrudRepository<Greeting, Long> {

	Flux<Greeting> findByText(String text);

}
