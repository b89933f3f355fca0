package io.github.duality.autoconfigure.slices;

import org.springframework.data.annotation.Id;

/** A row of {@code greeting}, the table of the default Liquibase change log of the test resources. */
public record Greeting(@Id Long id, String text) {

}
