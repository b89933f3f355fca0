/**
 * The model every step shares, at the bottom of the core: what the parsers claim ({@link
 * io.github.duality.core.model.Draft}), the immutable {@link io.github.duality.core.model.ConnectionSpec} the rules
 * resolve it into and its parts, the URL forms and parameter families, the query string split once, the masking of
 * secrets and the one exception of derivation. Depends on nothing in the core but {@code tls}.
 */
@NullMarked
package io.github.duality.core.model;

import org.jspecify.annotations.NullMarked;
