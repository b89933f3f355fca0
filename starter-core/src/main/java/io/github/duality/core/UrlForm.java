package io.github.duality.core;

/**
 * The accepted input forms; each is decoded by its own rules and names its parameters in its own family.
 */
public enum UrlForm {

	/** {@code jdbc:postgresql:...}, parsed by pgjdbc itself. */
	PGJDBC(ParameterFamily.PGJDBC),

	/** {@code postgres://} and {@code postgresql://} libpq connection URIs (DATABASE_URL). */
	LIBPQ(ParameterFamily.LIBPQ),

	/** SQLAlchemy-style {@code postgresql+driver://}: a libpq URI whose driver suffix is dropped. */
	SQLALCHEMY(ParameterFamily.LIBPQ),

	/** {@code r2dbc:postgresql://} and its variants, parsed by r2dbc-spi itself. */
	R2DBC(ParameterFamily.R2DBC);

	private final ParameterFamily family;

	UrlForm(ParameterFamily family) {
		this.family = family;
	}

	/** The family the form's parameter names belong to. */
	public ParameterFamily family() {
		return this.family;
	}

}
