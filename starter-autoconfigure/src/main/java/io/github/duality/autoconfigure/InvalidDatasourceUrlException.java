package io.github.duality.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.duality.core.model.InvalidConnectionUrlException;
import org.jspecify.annotations.Nullable;

/**
 * {@code spring.datasource.*} cannot be derived into both paths. Carries each property the problem involves (the URL,
 * and the username or password property when their values conflict with it) and where each value came from, so
 * that {@link InvalidDatasourceUrlFailureAnalyzer} can tell the user what to change, and where.
 */
public class InvalidDatasourceUrlException extends RuntimeException {

	private final Map<String, @Nullable String> origins;

	/**
	 * @param origins each involved property and where its value came from (a file and line, an environment
	 * variable), or {@code null} when unknown; the first is the one to correct
	 */
	InvalidDatasourceUrlException(Map<String, @Nullable String> origins, InvalidConnectionUrlException cause) {
		super(String.join(" and ", origins.keySet()) + ": " + cause.getMessage(), cause);
		this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
	}

	/** The property to correct, the first of {@link #getOrigins()}. */
	public String getProperty() {
		return this.origins.keySet().iterator().next();
	}

	/** Each property the problem involves, in order, with where its value came from ({@code null}: unknown). */
	public Map<String, @Nullable String> getOrigins() {
		return this.origins;
	}

	@Override
	public synchronized InvalidConnectionUrlException getCause() {
		return (InvalidConnectionUrlException) super.getCause();
	}

}
