/**
 * The parameter table ({@link io.github.duality.core.parameter.Parameter}): every name each family knows, its fate,
 * and for a carried row how each family reads its value and how each target writes it. Above the model only.
 * Internal: its types are public for the parsers, the rules, the renderers and the CLI, not for applications.
 */
@NullMarked
package io.github.duality.core.parameter;

import org.jspecify.annotations.NullMarked;
