package io.github.duality.core.parameter;

import java.util.List;

import io.github.duality.core.model.Draft;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.UrlForm;

/**
 * One carried parameter being read: its row, its name and value as the input wrote them, and where the reading goes
 * (the draft, the notes). What readers and claims of a {@link Carry} see.
 */
public final class ValueReading {

	private final ParameterFamily family;

	private final Draft draft;

	private final List<String> notes;

	private final Parameter parameter;

	private final String name;

	private final String value;

	public ValueReading(ParameterFamily family, Draft draft, List<String> notes, Parameter parameter,
			String name, String value) {
		this.family = family;
		this.draft = draft;
		this.notes = notes;
		this.parameter = parameter;
		this.name = name;
		this.value = value;
	}

	ParameterFamily family() {
		return this.family;
	}

	UrlForm form() {
		return this.draft.form();
	}

	Draft draft() {
		return this.draft;
	}

	Parameter parameter() {
		return this.parameter;
	}

	/** The name as the input wrote it. */
	String name() {
		return this.name;
	}

	/** The value as the input's parser decoded it. */
	String value() {
		return this.value;
	}

	/** Where the value comes from, for messages about two sources that disagree. */
	String source() {
		return "the " + describe();
	}

	/** The parameter as messages name it, e.g. {@code libpq parameter 'sslmode'}. */
	String describe() {
		return this.family.displayName() + " parameter '" + this.name + "'";
	}

	void note(String note) {
		this.notes.add(note);
	}

	/** The refusal of a value the family's driver would not read, with what it would. */
	InvalidConnectionUrlException invalidValue(String expected) {
		return new InvalidConnectionUrlException("The " + describe() + " has the value " + MessageText.shown(this.value)
				+ ", which is not valid.", this.name, "Use " + expected + ".");
	}

}
