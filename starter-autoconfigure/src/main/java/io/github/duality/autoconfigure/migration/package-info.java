/**
 * When the migrations run ({@code duality.migration.mode}), and what they did at startup.
 */
@NullMarked
package io.github.duality.autoconfigure.migration;

import org.jspecify.annotations.NullMarked;
