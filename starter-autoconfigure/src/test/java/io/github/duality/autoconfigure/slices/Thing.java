package io.github.duality.autoconfigure.slices;

import org.springframework.data.annotation.Id;

/** A row of {@code thing}, the table of the Flyway migrations in {@code db/migration} of the test resources. */
public record Thing(@Id Long id, String name) {

}
