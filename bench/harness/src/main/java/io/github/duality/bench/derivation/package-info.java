/**
 * The JMH benchmark of {@code DatabaseUrl.derive} beside the drivers' own URL parsers, on the same URLs.
 */
@NullMarked
package io.github.duality.bench.derivation;

import org.jspecify.annotations.NullMarked;
