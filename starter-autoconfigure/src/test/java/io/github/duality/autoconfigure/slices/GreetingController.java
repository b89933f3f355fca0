package io.github.duality.autoconfigure.slices;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The web layer that {@code @WebFluxTest} keeps: it needs no database, so that slice must not touch one. */
@RestController
class GreetingController {

	@GetMapping("/greet/{name}")
	Mono<String> greet(@PathVariable String name) {
		return Mono.just("hello, " + name);
	}

}
