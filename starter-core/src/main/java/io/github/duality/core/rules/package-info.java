/**
 * The rules that resolve a draft into the immutable model ({@link io.github.duality.core.rules.SpecRules}), with the
 * TLS files they read or only describe. Internal: public only for {@link io.github.duality.core.DatabaseUrl}.
 */
@NullMarked
package io.github.duality.core.rules;

import org.jspecify.annotations.NullMarked;
