/**
 * The {@code database} health contributor: the migration and the application path.
 */
@NullMarked
package io.github.duality.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
