package io.github.duality.sample.product;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code products}. The price stays a {@link BigDecimal} from the database to the JSON body, so
 * {@code 12.34} is never turned into a binary fraction on the way.
 */
@Table("products")
public record Product(@Id Long id, String name, BigDecimal price, Instant createdAt) {

}
