package io.github.duality.core.parse;

import java.util.HashMap;
import java.util.Map;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.ParameterFamily;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of one URL as given, before a driver's parser keeps only the last of a repeated name: one
 * name with two different values is refused in every form, because whichever the driver keeps, the other is lost
 * in silence.
 */
final class RepeatedParameters {

	private final ParameterFamily family;

	private final Map<String, String> values = new HashMap<>();

	RepeatedParameters(ParameterFamily family) {
		this.family = family;
	}

	/** Records one {@code name=value} of the query, decoded as the form's driver decodes it. */
	void add(String name, String value) {
		String previous = this.values.putIfAbsent(name, value);
		if (previous != null && !previous.equals(value)) {
			throw twice(name, "Give it once.");
		}
	}

	/** Whether the query gives this name. */
	boolean gives(String name) {
		return this.values.containsKey(name);
	}

	/**
	 * Checks a query parameter that, in this form, replaces a part of the URL before the query (a host, a port, the
	 * database).
	 */
	void alsoGivenBeforeQuery(String name, @Nullable String valueBeforeQuery) {
		String inQuery = this.values.get(name);
		if (inQuery != null && !inQuery.equals(valueBeforeQuery)) {
			throw twice(name, "Give it in one place: before the query or as " + name + "=, not both.");
		}
	}

	private InvalidConnectionUrlException twice(String name, String fix) {
		boolean plain = MessageText.isPlain(name);
		return new InvalidConnectionUrlException("The " + this.family.displayName() + " parameter "
				+ MessageText.shown(name) + " is given twice with different values; " + driverName()
				+ " would keep one of them in silence.", plain ? name : null, fix);
	}

	private String driverName() {
		return (this.family == ParameterFamily.R2DBC) ? "r2dbc" : this.family.displayName();
	}

}
