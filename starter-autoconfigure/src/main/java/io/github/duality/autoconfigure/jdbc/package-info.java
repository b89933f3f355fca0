/**
 * What both migration tools share: the migration target as Boot's JDBC-flavoured connection details.
 */
@NullMarked
package io.github.duality.autoconfigure.jdbc;

import org.jspecify.annotations.NullMarked;
