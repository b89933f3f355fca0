/**
 * The Flyway migration path.
 */
@NullMarked
package io.github.duality.autoconfigure.flyway;

import org.jspecify.annotations.NullMarked;
