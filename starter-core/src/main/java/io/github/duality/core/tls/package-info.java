/**
 * TLS material read once where the application runs and handed to both drivers in memory: client keys in every
 * format libpq or either driver reads, checked as libpq checks them, and SSL contexts built from them for pgjdbc
 * (through its SSL factory) and r2dbc-postgresql (through its SSL context customizer).
 */
@NullMarked
package io.github.duality.core.tls;

import org.jspecify.annotations.NullMarked;
