package io.github.duality.core.parse;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.duality.core.model.Draft;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.parameter.Carry;
import io.github.duality.core.parameter.Parameter;
import io.github.duality.core.parameter.ValueReading;

/**
 * Reads one URL parameter, named and spelled the way its family does, into the draft: looks its fate up in the
 * {@link Parameter} table, refuses what must be refused, keeps path-only parameters on their path and lets the row's
 * {@link Carry} read the rest. The parsers handle the structural parameters (hosts, ports, driver, protocol)
 * themselves.
 */
final class ParameterInterpreter {

	private final ParameterFamily family;

	private final Draft draft;

	private final List<String> notes;

	/** The value and spelling each carried parameter was given with, to refuse an alias with another value. */
	private final Map<Parameter, String> given = new EnumMap<>(Parameter.class);

	ParameterInterpreter(ParameterFamily family, Draft draft, List<String> notes) {
		this.family = family;
		this.draft = draft;
		this.notes = notes;
	}

	/** The parameter a name denotes, or the error for an unknown name, with a did-you-mean. */
	private Parameter lookUp(String name) {
		return Parameter.find(this.family, name).orElseThrow(() -> unknown(name));
	}

	/**
	 * Reads every parameter, the known ones first: an unknown name is often the companion of a known but refused
	 * one (cloudSqlInstance of a socketFactory), and the refusal names the real cause.
	 */
	void applyAll(Map<String, String> parameters) {
		parameters.forEach((name, value) -> {
			if (Parameter.find(this.family, name).isPresent()) {
				apply(name, value);
			}
		});
		parameters.forEach((name, value) -> {
			if (Parameter.find(this.family, name).isEmpty()) {
				apply(name, value);
			}
		});
	}

	void apply(String name, String value) {
		Parameter parameter = lookUp(name);
		if (parameter == Parameter.POOL) {
			throw poolOption(name, value);
		}
		switch (parameter.fate()) {
			case REFUSED -> {
				if (!parameter.accepts(value)) {
					String accepted = parameter.acceptedValues().isEmpty() ? ""
							: ", or give it as " + String.join(" or ", parameter.acceptedValues());
					throw new InvalidConnectionUrlException(
							"The " + describe(name) + " cannot be carried to both drivers: " + parameter.note(), name,
							"Remove " + name + " from the URL" + accepted + ".");
				}
				this.draft.pathOnly(this.family, name, value);
			}
			case PATH_ONLY -> {
				this.draft.pathOnly(this.family, name, value);
				this.notes.add(name + " stays on the " + this.family.pathName() + " path: " + parameter.note());
			}
			case TRANSLATED, CONVERTED -> {
				refuseAliasWithAnotherValue(parameter, name, value);
				parameter.carry()
					.orElseThrow()
					.apply(new ValueReading(this.family, this.draft, this.notes, parameter, name, value));
			}
		}
	}

	/**
	 * An r2dbc-pool option, as r2dbc-pool's own URL provider reads it: Spring Boot builds the pool from
	 * {@code spring.r2dbc.pool.*}, so the fix is the property to set, with the same value (Boot reads r2dbc-pool's
	 * ISO-8601 durations, numbers and validation depths as they are).
	 */
	private InvalidConnectionUrlException poolOption(String name, String value) {
		Optional<String> property = Parameter.springPoolProperty(name);
		String problem = "The r2dbc-pool option '" + name + "' configures the connection pool, which Spring Boot "
				+ "builds from spring.r2dbc.pool.*, not from the URL (and the URL's migration path has no pool).";
		if (property.isEmpty()) {
			return new InvalidConnectionUrlException(problem, name, "Remove " + name + " from the URL: "
					+ "spring.r2dbc.pool.* has no property for it. If you need it, define your own ConnectionFactory "
					+ "bean (a ConnectionPool); Duality then backs off for the application path.");
		}
		String shown = MessageText.isPlain(value) ? property.get() + "=" + value : property.get();
		return new InvalidConnectionUrlException(problem, name,
				"Remove " + name + " from the URL and set " + shown + " instead.");
	}

	/** r2dbc, for one, reads both sslMode and sslmode: which one it keeps is not the URL's business. */
	private void refuseAliasWithAnotherValue(Parameter parameter, String name, String value) {
		String previous = this.given.putIfAbsent(parameter, name + "=" + value);
		if (previous != null && !previous.substring(previous.indexOf('=') + 1).equals(value)) {
			String previousName = previous.substring(0, previous.indexOf('='));
			throw new InvalidConnectionUrlException("The " + describe(name) + " is given twice with different values, "
					+ "the first time as '" + previousName + "' (the same parameter).", name, "Give it once.");
		}
	}

	private InvalidConnectionUrlException unknown(String name) {
		String problem = "Unknown " + this.family.displayName() + " parameter " + MessageText.shown(name) + ": "
				+ this.family.driverName() + " would silently ignore it, and its meaning would be lost.";
		if (!MessageText.isPlain(name)) {
			return new InvalidConnectionUrlException(problem, null, "Check the URL's encoding: an unencoded '?', "
					+ "'&' or '#' in a password splits the URL in the wrong places (write them %3F, %26, %23).");
		}
		Optional<String> suggestion = Suggestions.suggest(this.family, name);
		if (suggestion.isPresent()) {
			return new InvalidConnectionUrlException(problem, name, "Did you mean '" + suggestion.get() + "'?");
		}
		Optional<ParameterFamily> otherFamily = Suggestions.familyKnowing(name);
		if (otherFamily.isPresent()) {
			return new InvalidConnectionUrlException(problem, name, "'" + name + "' is a "
					+ otherFamily.get().displayName() + " parameter with no " + this.family.displayName()
					+ " counterpart; it cannot be given in this URL form.");
		}
		return new InvalidConnectionUrlException(problem, name, "Remove it, or check its spelling against the "
				+ "parameter table.");
	}

	/** A parameter as messages name it, e.g. {@code libpq parameter 'sslmode'}. */
	private String describe(String name) {
		return this.family.displayName() + " parameter '" + name + "'";
	}

}
