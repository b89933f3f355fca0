package io.github.duality.autoconfigure;

/**
 * Marks the connection details Duality derived from {@code spring.datasource.url}, as against those the application
 * or a service connection supplies: the startup report tells a derived path from an explicit one by this, without
 * depending on the package of each path.
 */
public interface DerivedConnectionDetails {

}
