/**
 * Waiting at startup for a database that is not reachable yet ({@code duality.startup.wait}).
 */
@NullMarked
package io.github.duality.autoconfigure.startup;

import org.jspecify.annotations.NullMarked;
