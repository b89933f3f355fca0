/**
 * Auto-configuration of Duality: the connection derived from {@code spring.datasource.url}, the startup
 * report, the properties and the failure analysis.
 */
@NullMarked
package io.github.duality.autoconfigure;

import org.jspecify.annotations.NullMarked;
