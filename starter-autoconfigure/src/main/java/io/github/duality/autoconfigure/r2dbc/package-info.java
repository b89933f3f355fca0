/**
 * The application path: pooled R2DBC.
 */
@NullMarked
package io.github.duality.autoconfigure.r2dbc;

import org.jspecify.annotations.NullMarked;
