package io.github.duality.core.model;

/**
 * Which kind of server a connection accepts among the hosts, in the values both drivers understand.
 */
public enum TargetServerType {

	ANY("any"),

	PRIMARY("primary"),

	SECONDARY("secondary"),

	PREFER_SECONDARY("preferSecondary");

	private final String propertyValue;

	TargetServerType(String propertyValue) {
		this.propertyValue = propertyValue;
	}

	/** The value as pgjdbc's {@code targetServerType} property (case-sensitive) and r2dbc spell it. */
	public String propertyValue() {
		return this.propertyValue;
	}

	@Override
	public String toString() {
		return this.propertyValue;
	}

}
