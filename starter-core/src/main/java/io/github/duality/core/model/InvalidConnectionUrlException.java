package io.github.duality.core.model;

import org.jspecify.annotations.Nullable;

/**
 * The one error type of duality-core: an input that cannot be turned into two faithful driver targets.
 * Every text it carries is already masked; {@link #getMessage()} states the problem and the fix.
 */
public class InvalidConnectionUrlException extends IllegalArgumentException {

	private final String problem;

	private final @Nullable String parameter;

	private final @Nullable String fix;

	public InvalidConnectionUrlException(String problem, @Nullable String parameter, @Nullable String fix) {
		super(fix == null ? problem : problem + " " + fix);
		this.problem = problem;
		this.parameter = parameter;
		this.fix = fix;
	}

	/** What is wrong, masked. */
	public String getProblem() {
		return this.problem;
	}

	/** The URL parameter (or URL part such as {@code password}) at fault, or {@code null}. */
	public @Nullable String getParameter() {
		return this.parameter;
	}

	/** What the user should do, or {@code null} when nothing more specific than the problem can be said. */
	public @Nullable String getFix() {
		return this.fix;
	}

}
