/**
 * The PostgreSQL URL model, without Spring: one URL in any accepted form, derived into a pgjdbc target and an
 * r2dbc-postgresql target that mean the same thing. Entry point: {@link io.github.duality.core.DatabaseUrl}.
 */
@NullMarked
package io.github.duality.core;

import org.jspecify.annotations.NullMarked;
