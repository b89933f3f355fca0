package io.github.duality.sample.user;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code users}; the email is unique.
 */
@Table("users")
public record User(@Id Long id, String email, Instant createdAt) {

}
