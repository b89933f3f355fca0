/**
 * The naive wiring's only code: a HikariCP DataSource, which Boot does not build once an R2DBC ConnectionFactory
 * exists, so that Liquibase has something to run on.
 */
@NullMarked
package io.github.duality.sample.naive;

import org.jspecify.annotations.NullMarked;
