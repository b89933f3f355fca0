package io.github.duality.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code spring.datasource.*} value holds a placeholder that has no value. Carries no cause: Spring's exception
 * quotes the whole value, and the value of the URL or the password is a secret.
 */
public class UnresolvedDatasourcePropertyException extends RuntimeException {

	private final String property;

	private final @Nullable String maskedValue;

	private final @Nullable String placeholder;

	private final @Nullable String origin;

	UnresolvedDatasourcePropertyException(String property, @Nullable String maskedValue, @Nullable String placeholder,
			@Nullable String origin) {
		super(property + " holds a placeholder that has no value"
				+ ((placeholder != null) ? ": ${" + placeholder + "}" : ""));
		this.property = property;
		this.maskedValue = maskedValue;
		this.placeholder = placeholder;
		this.origin = origin;
	}

	public String getProperty() {
		return this.property;
	}

	/** The value as written, with its secrets masked; {@code null} for the password, which is all secret. */
	public @Nullable String getMaskedValue() {
		return this.maskedValue;
	}

	/** The name of the placeholder, unless it is part of a secret. */
	public @Nullable String getPlaceholder() {
		return this.placeholder;
	}

	/** Where the value came from (a file and line, an environment variable), or {@code null}. */
	public @Nullable String getOrigin() {
		return this.origin;
	}

}
