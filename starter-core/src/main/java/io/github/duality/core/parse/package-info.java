/**
 * The three URL parsers (pgjdbc, libpq and SQLAlchemy, r2dbc), which claim what a URL says into a {@link
 * io.github.duality.core.model.Draft} by the table's names. Internal: public only for {@link
 * io.github.duality.core.DatabaseUrl}.
 */
@NullMarked
package io.github.duality.core.parse;

import org.jspecify.annotations.NullMarked;
