/**
 * Sanitizing of database secrets in the {@code env} and {@code configprops} actuator endpoints.
 */
@NullMarked
package io.github.duality.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
