/**
 * TLS material from Spring Boot's SSL bundles ({@code duality.ssl.bundle}) for both paths.
 */
@NullMarked
package io.github.duality.autoconfigure.tls;

import org.jspecify.annotations.NullMarked;
