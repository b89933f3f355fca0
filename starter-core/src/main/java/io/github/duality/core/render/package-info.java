/**
 * The renderers: the model into each driver's configuration, as plain parts (a pgjdbc URL and properties, r2dbc
 * options) that {@link io.github.duality.core.DatabaseUrl} wraps into the targets. Internal: public only for it.
 */
@NullMarked
package io.github.duality.core.render;

import org.jspecify.annotations.NullMarked;
