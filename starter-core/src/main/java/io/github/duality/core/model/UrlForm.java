package io.github.duality.core.model;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The accepted input forms, and the one list of the schemes that introduce them; each form is decoded by its own
 * rules and names its parameters in its own family. Schemes are matched case-sensitively, as libpq, pgjdbc and r2dbc
 * match them.
 */
public enum UrlForm {

	/** {@code jdbc:postgresql:...}, parsed by pgjdbc itself. */
	PGJDBC(ParameterFamily.PGJDBC, Pattern.compile("jdbc:postgresql:.*", Pattern.DOTALL)),

	/** {@code postgres://} and {@code postgresql://} libpq connection URIs (DATABASE_URL). */
	LIBPQ(ParameterFamily.LIBPQ, Pattern.compile("postgres(ql)?://.*", Pattern.DOTALL)),

	/** SQLAlchemy-style {@code postgresql+driver://}: read as SQLAlchemy's make_url reads it, the driver dropped. */
	SQLALCHEMY(ParameterFamily.LIBPQ, Pattern.compile("postgres(ql)?\\+[a-z0-9]+://.*", Pattern.DOTALL)),

	/** {@code r2dbc:postgresql://} and its variants, parsed by r2dbc-spi itself. */
	R2DBC(ParameterFamily.R2DBC, Pattern.compile("r2dbcs?:.*", Pattern.DOTALL));

	/** What starts every pgjdbc URL; pgjdbc's own parser reads what follows. */
	public static final String PGJDBC_PREFIX = "jdbc:postgresql:";

	/** The SQLAlchemy dialect drivers whose URLs are read. */
	public static final Set<String> SQLALCHEMY_DRIVERS = Set.of("asyncpg", "psycopg2", "psycopg", "pg8000");

	/** The accepted schemes, as a refusal lists them. */
	public static final String ACCEPTED_SCHEMES = "jdbc:postgresql://, postgresql://, postgres://, "
			+ "postgresql+asyncpg:// (or +psycopg, +psycopg2, +pg8000) or r2dbc:postgresql://";

	private final ParameterFamily family;

	private final Pattern scheme;

	UrlForm(ParameterFamily family, Pattern scheme) {
		this.family = family;
		this.scheme = scheme;
	}

	/** The family the form's parameter names belong to. */
	public ParameterFamily family() {
		return this.family;
	}

	/** The form whose scheme starts the URL, if any does. */
	public static Optional<UrlForm> of(String url) {
		for (UrlForm form : values()) {
			if (form.scheme.matcher(url).matches()) {
				return Optional.of(form);
			}
		}
		return Optional.empty();
	}

}
