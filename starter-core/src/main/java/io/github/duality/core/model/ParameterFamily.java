package io.github.duality.core.model;

/**
 * The naming scheme a parameter name belongs to: each input form names its parameters the way its own driver does.
 */
public enum ParameterFamily {

	/** pgjdbc connection properties ({@code org.postgresql.PGProperty}), case-sensitive. */
	PGJDBC("pgjdbc", "pgjdbc", "JDBC"),

	/** libpq connection keywords, also used by the SQLAlchemy-style URLs. */
	LIBPQ("libpq", "the drivers", "JDBC"),

	/** r2dbc-postgresql options, case-sensitive. */
	R2DBC("r2dbc", "r2dbc-postgresql", "R2DBC");

	private final String displayName;

	private final String driverName;

	private final String pathName;

	ParameterFamily(String displayName, String driverName, String pathName) {
		this.displayName = displayName;
		this.driverName = driverName;
		this.pathName = pathName;
	}

	/** A short name for messages and tables, e.g. {@code pgjdbc}. */
	public String displayName() {
		return this.displayName;
	}

	/** Who reads the family's names, for messages: {@code pgjdbc}, {@code the drivers}, {@code r2dbc-postgresql}. */
	public String driverName() {
		return this.driverName;
	}

	/** The path a path-only parameter of the family stays on, {@code JDBC} or {@code R2DBC}. */
	public String pathName() {
		return this.pathName;
	}

}
