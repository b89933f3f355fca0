package io.github.duality.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The TLS modes both drivers share, in libpq's order of strength.
 */
public enum SslMode {

	DISABLE("disable"),

	ALLOW("allow"),

	PREFER("prefer"),

	REQUIRE("require"),

	VERIFY_CA("verify-ca"),

	VERIFY_FULL("verify-full");

	private final String libpqName;

	SslMode(String libpqName) {
		this.libpqName = libpqName;
	}

	/** The spelling of libpq, pgjdbc and r2dbc URLs, e.g. {@code verify-full}. */
	public String libpqName() {
		return this.libpqName;
	}

	/** Whether the server certificate is checked against trust anchors. */
	public boolean verifiesCertificate() {
		return this == VERIFY_CA || this == VERIFY_FULL;
	}

	@Override
	public String toString() {
		return this.libpqName;
	}

	/** The mode a spelling names, ignoring case as pgjdbc and r2dbc do (libpq does not: its readers check). */
	public static Optional<SslMode> fromLibpqName(String name) {
		return Arrays.stream(values())
			.filter((mode) -> mode.libpqName.equals(name.toLowerCase(Locale.ROOT)))
			.findFirst();
	}

}
