/**
 * The {@code explain} and {@code parameters} command line, packaged apart from the library as the
 * {@code cli}-classifier jar.
 */
@NullMarked
package io.github.duality.core.cli;

import org.jspecify.annotations.NullMarked;
