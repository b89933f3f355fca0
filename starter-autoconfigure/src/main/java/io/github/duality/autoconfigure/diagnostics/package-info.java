/**
 * Failure analysis of startup failures on either path: what was tried, with which property and from where, and the
 * fix.
 */
@NullMarked
package io.github.duality.autoconfigure.diagnostics;

import org.jspecify.annotations.NullMarked;
