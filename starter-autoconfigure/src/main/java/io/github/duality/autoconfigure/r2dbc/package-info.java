/**
 * The application path: R2DBC connection details for Boot's pooled {@code ConnectionFactory}.
 */
@NullMarked
package io.github.duality.autoconfigure.r2dbc;

import org.jspecify.annotations.NullMarked;
