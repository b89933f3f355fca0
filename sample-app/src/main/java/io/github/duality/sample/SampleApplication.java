package io.github.duality.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small product catalogue: WebFlux and Spring Data R2DBC, with every database bean coming from the Duality
 * starter and the single {@code spring.datasource.url} property.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
