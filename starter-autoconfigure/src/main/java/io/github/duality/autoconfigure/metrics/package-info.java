/**
 * Micrometer metrics of migration runs and refused URLs.
 */
@NullMarked
package io.github.duality.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
