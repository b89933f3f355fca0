/**
 * The Liquibase migration path.
 */
@NullMarked
package io.github.duality.autoconfigure.liquibase;

import org.jspecify.annotations.NullMarked;
