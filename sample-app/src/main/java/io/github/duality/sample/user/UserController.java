package io.github.duality.sample.user;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/users")
class UserController {

	private final UserRepository users;

	UserController(UserRepository users) {
		this.users = users;
	}

	/**
	 * The unique index on {@code users.email} decides duplicates, so two concurrent requests cannot both win;
	 * Spring translates its violation into a {@link DuplicateKeyException}, answered with 409.
	 */
	@PostMapping
	Mono<ResponseEntity<User>> create(@RequestBody NewUser request, UriComponentsBuilder uri) {
		String email = request.validated().email();
		return this.users.insert(email)
			.map((created) -> ResponseEntity.created(uri.path("/users/{id}").build(created.id())).body(created))
			.onErrorMap(DuplicateKeyException.class, (ex) -> new ResponseStatusException(HttpStatus.CONFLICT,
					"A user with email " + email + " already exists"));
	}

	@GetMapping("/{id}")
	Mono<User> get(@PathVariable long id) {
		return this.users.findById(id)
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user with id " + id)));
	}

}
