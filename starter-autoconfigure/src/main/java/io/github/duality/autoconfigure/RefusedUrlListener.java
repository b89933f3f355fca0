package io.github.duality.autoconfigure;

/**
 * Told when {@code spring.datasource.*} is refused, before the application fails to start, so that the refusal can
 * still be counted (a push-based metrics registry publishes it when the failing context closes).
 */
@FunctionalInterface
public interface RefusedUrlListener {

	void refused(InvalidDatasourceUrlException exception);

}
