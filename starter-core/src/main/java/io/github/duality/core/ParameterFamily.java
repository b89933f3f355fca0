package io.github.duality.core;

/**
 * The naming scheme a parameter name belongs to: each input form names its parameters the way its own driver does.
 */
public enum ParameterFamily {

	/** pgjdbc connection properties ({@code org.postgresql.PGProperty}), case-sensitive. */
	PGJDBC("pgjdbc"),

	/** libpq connection keywords, also used by the SQLAlchemy-style URLs. */
	LIBPQ("libpq"),

	/** r2dbc-postgresql options, case-sensitive. */
	R2DBC("r2dbc");

	private final String displayName;

	ParameterFamily(String displayName) {
		this.displayName = displayName;
	}

	/** A short name for messages and tables, e.g. {@code pgjdbc}. */
	public String displayName() {
		return this.displayName;
	}

}
