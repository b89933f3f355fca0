package io.github.duality.autoconfigure.slices;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface ThingRepository extends ReactiveCrudRepository<Thing, Long> {

}
