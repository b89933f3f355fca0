package io.github.duality.autoconfigure;

import io.github.duality.core.InvalidConnectionUrlException;
import org.jspecify.annotations.Nullable;

/**
 * {@code spring.datasource.*} cannot be derived into both paths. Carries the property and where its value came
 * from so that {@link InvalidDatasourceUrlFailureAnalyzer} can tell the user what to change, and where.
 */
public class InvalidDatasourceUrlException extends RuntimeException {

	private final String property;

	private final @Nullable String origin;

	private final @Nullable String comparedWith;

	InvalidDatasourceUrlException(String property, @Nullable String origin, InvalidConnectionUrlException cause) {
		this(property, origin, null, cause);
	}

	/**
	 * @param comparedWith the other property the value was checked against, with its origin, e.g.
	 * spring.datasource.url for duality.migration.url
	 */
	InvalidDatasourceUrlException(String property, @Nullable String origin, @Nullable String comparedWith,
			InvalidConnectionUrlException cause) {
		super(property + ": " + cause.getMessage(), cause);
		this.property = property;
		this.origin = origin;
		this.comparedWith = comparedWith;
	}

	public String getProperty() {
		return this.property;
	}

	/** Where the value came from (a file and line, an environment variable), or {@code null}. */
	public @Nullable String getOrigin() {
		return this.origin;
	}

	/** The other property the value was checked against, with its origin, or {@code null}. */
	public @Nullable String getComparedWith() {
		return this.comparedWith;
	}

	@Override
	public synchronized InvalidConnectionUrlException getCause() {
		return (InvalidConnectionUrlException) super.getCause();
	}

}
