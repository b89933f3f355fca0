/**
 * The migration path's session: checked to be a session of its own before any lock is taken (no transaction pooler
 * in between), and ended promptly when the JVM is told to stop while migrations run.
 */
@NullMarked
package io.github.duality.autoconfigure.session;

import org.jspecify.annotations.NullMarked;
