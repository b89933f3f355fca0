/**
 * The PostgreSQL URL model, without Spring: one URL in any accepted form, derived into a pgjdbc target and an
 * r2dbc-postgresql target that mean the same thing. Entry point: {@link io.github.duality.core.DatabaseUrl}.
 * <p>
 * This package is the public face; the steps below it depend only downwards: {@code parse} and {@code rules} and
 * {@code render} on {@code parameter} (the table), all of them on {@code model} (the shared values, the exception
 * and masking), and on {@code tls}. The parts are put together here: the renderers return plain parts that become
 * the targets here, so that no step needs this package.
 */
@NullMarked
package io.github.duality.core;

import org.jspecify.annotations.NullMarked;
