package io.github.duality.core.model;

import org.jspecify.annotations.Nullable;

/**
 * A value that may be stated in several places (URL user info, a parameter, an argument) as long as they agree; a
 * second, different value is refused, naming both places.
 */
final class ClaimedValue<T> {

	private final String description;

	private final String parameter;

	private final boolean secret;

	private @Nullable T value;

	private @Nullable String source;

	ClaimedValue(String description, String parameter, boolean secret) {
		this.description = description;
		this.parameter = parameter;
		this.secret = secret;
	}

	@Nullable T value() {
		return this.value;
	}

	void inherit(ClaimedValue<T> other) {
		if (this.value == null) {
			this.value = other.value;
			this.source = other.source;
		}
	}

	void claim(T newValue, String newSource) {
		if (this.value == null) {
			this.value = newValue;
			this.source = newSource;
		}
		else if (!this.value.equals(newValue)) {
			String values = this.secret ? ""
					: " (" + MessageText.shown(this.value.toString()) + ", " + MessageText.shown(newValue.toString()) + ")";
			throw new InvalidConnectionUrlException("The " + this.description + " is given twice with different "
					+ "values" + values + ": " + this.source + ", and " + newSource + ".", this.parameter,
					"Give it in one of these places only, or give the same value in both.");
		}
	}

}
