/**
 * A crash-safe Liquibase lock for PostgreSQL: held by a live session, freed by the server when that session ends.
 */
@NullMarked
package io.github.duality.autoconfigure.liquibase.lock;

import org.jspecify.annotations.NullMarked;
