/**
 * A crash-safe Liquibase lock for PostgreSQL: held by a live session, freed by the server when that session ends;
 * and a change-log history that instances starting at once on an empty database create only once.
 */
@NullMarked
package io.github.duality.autoconfigure.liquibase.lock;

import org.jspecify.annotations.NullMarked;
