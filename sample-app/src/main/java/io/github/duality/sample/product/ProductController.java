package io.github.duality.sample.product;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
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
@RequestMapping("/products")
class ProductController {

	private final ProductRepository products;

	ProductController(ProductRepository products) {
		this.products = products;
	}

	@PostMapping
	Mono<ResponseEntity<Product>> create(@RequestBody NewProduct request, UriComponentsBuilder uri) {
		NewProduct product = request.validated();
		return this.products.insert(product.name(), product.price())
			.map((created) -> ResponseEntity.created(uri.path("/products/{id}").build(created.id())).body(created));
	}

	@GetMapping
	Flux<Product> list() {
		return this.products.findAll(Sort.by("id"));
	}

	@GetMapping("/{id}")
	Mono<Product> get(@PathVariable long id) {
		return this.products.findById(id)
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No product with id " + id)));
	}

}
