/**
 * Failure analysis of every startup failure Duality explains: a {@code spring.datasource.*} that cannot be resolved
 * or derived, and a failure on either path (what was tried, with which property and from where, and the fix).
 */
@NullMarked
package io.github.duality.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
