/**
 * Auto-configuration of Duality: the connection derived from {@code spring.datasource.url}, the startup
 * report and the properties. The packages of each path and concern depend on this one, never the reverse.
 */
@NullMarked
package io.github.duality.autoconfigure;

import org.jspecify.annotations.NullMarked;
