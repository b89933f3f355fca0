package io.github.duality.core;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How each family spells the values of its parameters (TLS modes, the ssl flag, booleans, server types, time
 * units, choices), read into the model's terms in one place; a value a family's driver would not read is refused
 * with the accepted spellings.
 */
final class FamilySpellings {

	private final ParameterFamily family;

	FamilySpellings(ParameterFamily family) {
		this.family = family;
	}

	/** A parameter as messages name it, e.g. {@code libpq parameter 'sslmode'}. */
	String describe(String name) {
		return this.family.displayName() + " parameter '" + name + "'";
	}

	SslMode sslMode(String name, String value) {
		String spelling = (this.family == ParameterFamily.R2DBC) ? value.replace('_', '-') : value;
		if (this.family == ParameterFamily.R2DBC && spelling.equalsIgnoreCase("tunnel")) {
			throw new InvalidConnectionUrlException("r2dbc's sslMode=tunnel (direct TLS without negotiation) has no "
					+ "pgjdbc equivalent.", name, "Use sslMode=verify-full&sslNegotiation=direct, which both drivers "
							+ "support.");
		}
		SslMode mode = SslMode.fromLibpqName(spelling).orElseThrow(() -> invalidValue(name, value, "disable, allow, "
				+ "prefer, require, verify-ca or verify-full"));
		if (this.family == ParameterFamily.LIBPQ && !value.equals(mode.libpqName())) {
			throw new InvalidConnectionUrlException("The " + describe(name) + " has the value " + MessageText.shown(value)
					+ ", which libpq refuses: it reads sslmode values case-sensitively.", name,
					"Did you mean '" + mode.libpqName() + "'?");
		}
		return mode;
	}

	/** libpq knows ssl only as pgjdbc's ssl=true, which it reads as sslmode=require; anything else it refuses. */
	SslMode libpqSslFlag(String name, String value) {
		if (value.equals("true")) {
			return SslMode.REQUIRE;
		}
		String instead = switch (value.toLowerCase(Locale.ROOT)) {
			case "false", "0" -> "sslmode=disable";
			case "1" -> "sslmode=require";
			default -> SslMode.fromLibpqName(value).map((mode) -> "sslmode=" + mode).orElse("sslmode");
		};
		throw new InvalidConnectionUrlException("The " + describe(name) + " has the value " + MessageText.shown(value)
				+ ", which libpq refuses: it knows ssl only as ssl=true (for pgjdbc compatibility, meaning "
				+ "sslmode=require).", name, "Did you mean '" + instead + "'?");
	}

	/** libpq's reading of a timeout: zero or negative means none, and 1 means its minimum, 2. */
	Duration libpqSeconds(String name, String value) {
		try {
			int seconds = Integer.parseInt(value.trim());
			return Duration.ofSeconds((seconds <= 0) ? 0 : Math.max(seconds, 2));
		}
		catch (NumberFormatException ex) {
			throw invalidValue(name, value, "whole seconds, such as 10");
		}
	}

	Duration r2dbcDuration(String name, String value) {
		return Durations.parseR2dbc(value)
			.filter((parsed) -> !parsed.isNegative())
			.orElseThrow(() -> invalidValue(name, value,
					"a duration such as PT10S or 10s (a bare number means milliseconds)"));
	}

	boolean tcpKeepAlive(String name, String value) {
		if (this.family != ParameterFamily.LIBPQ) {
			return bool(name, value);
		}
		try {
			return Integer.parseInt(value.trim()) != 0;
		}
		catch (NumberFormatException ex) {
			throw invalidValue(name, value, "1 or 0");
		}
	}

	/**
	 * pgjdbc and r2dbc tell a primary by {@code transaction_read_only} (pgjdbc also by {@code in_hot_standby}): what
	 * libpq's read-write and read-only check. libpq's primary and standby ask whether the server is in recovery,
	 * which differs for a primary whose sessions default to read-only.
	 */
	InvalidConnectionUrlException recoveryStateUnknownToJava(String name, String value) {
		String instead = value.equals("primary") ? "read-write" : "read-only";
		return new InvalidConnectionUrlException("libpq's " + name + "=" + value + " asks whether the server is in "
				+ "recovery, which neither Java driver can check: pgjdbc and r2dbc only tell whether the session is "
				+ "read-only, so a primary whose sessions default to read-only would be "
				+ (value.equals("primary") ? "refused" : "accepted") + " on both paths.", name,
				"Use " + name + "=" + instead + (value.equals("prefer-standby") ? " (no fallback) or any" : "")
						+ ", which libpq and both Java drivers check the same way (transaction_read_only).");
	}

	InvalidConnectionUrlException preferPrimary(String name) {
		return new InvalidConnectionUrlException(
				"targetServerType=preferPrimary cannot be expressed for r2dbc, which only knows any, primary, "
						+ "secondary and preferSecondary.",
				name, "Use targetServerType=primary (fail when no primary is reachable) or any.");
	}

	int cacheSize(String name, String value) {
		try {
			int size = Integer.parseInt(value.trim());
			if (size >= 0) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw invalidValue(name, value, "0 (no cache) or a positive number of statements; r2dbc's -1 (unbounded) "
				+ "has no pgjdbc equivalent");
	}

	boolean bool(String name, String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalidValue(name, value, "true or false (the drivers read anything else as false)");
		};
	}

	/** One of the allowed spellings, matched exactly for pgjdbc and libpq (which read them case-sensitively). */
	String choice(String name, String value, List<String> allowed, boolean ignoreCase) {
		Optional<String> match = allowed.stream()
			.filter((candidate) -> ignoreCase ? candidate.equalsIgnoreCase(value) : candidate.equals(value))
			.findFirst();
		return match.orElseThrow(() -> invalidValue(name, value, String.join(", ", allowed)
				+ (ignoreCase ? "" : " (read case-sensitively by " + this.family.displayName() + ")")));
	}

	InvalidConnectionUrlException invalidValue(String name, String value, String expected) {
		return new InvalidConnectionUrlException("The " + describe(name) + " has the value " + MessageText.shown(value)
				+ ", which is not valid.", name, "Use " + expected + ".");
	}

}
