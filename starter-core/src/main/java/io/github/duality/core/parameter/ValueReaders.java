package io.github.duality.core.parameter;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.ParameterFamily;
import io.github.duality.core.model.SslMode;
import io.github.duality.core.model.TargetServerType;
import io.github.duality.core.model.Tls;
import io.github.duality.core.model.UrlForm;
import io.github.duality.core.parameter.Carry.ValueReader;
import org.jspecify.annotations.Nullable;

/**
 * How each family spells the values of the carried parameters (TLS modes, the ssl flag, booleans, server types,
 * time units, choices), read into the model's terms in one place; a value a family's driver would not read is
 * refused with the accepted spellings. The rows of {@link Parameter} name these readers.
 */
final class ValueReaders {

	static final ValueReader<String> AS_GIVEN = ValueReading::value;

	static final ValueReader<Boolean> BOOLEAN = (reading) -> bool(reading);

	static final ValueReader<SslMode> SSL_MODE = ValueReaders::sslMode;

	static final ValueReader<Boolean> DIRECT_SSL_NEGOTIATION_PGJDBC = (reading) -> choice(reading,
			List.of("postgres", "direct"), false).equals("direct");

	static final ValueReader<Boolean> DIRECT_SSL_NEGOTIATION_R2DBC = (reading) -> choice(reading,
			List.of("postgres", "direct"), true).equals("direct");

	static final ValueReader<String> CHANNEL_BINDING_PGJDBC = (reading) -> choice(reading,
			List.of("disable", "prefer", "require"), false);

	static final ValueReader<String> CHANNEL_BINDING_R2DBC = (reading) -> choice(reading,
			List.of("disable", "prefer", "require"), true);

	/** libpq's keepalives: a number, 0 for off. */
	static final ValueReader<Boolean> LIBPQ_KEEPALIVES = (reading) -> {
		try {
			return Integer.parseInt(reading.value().trim()) != 0;
		}
		catch (NumberFormatException ex) {
			throw reading.invalidValue("1 or 0");
		}
	};

	/** libpq's load_balance_hosts: random or disable. */
	static final ValueReader<Boolean> LIBPQ_LOAD_BALANCE = (reading) -> choice(reading,
			List.of("disable", "random"), false).equals("random");

	static final ValueReader<Integer> CACHE_SIZE = (reading) -> {
		try {
			int size = Integer.parseInt(reading.value().trim());
			if (size >= 0) {
				return size;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw reading.invalidValue("0 (no cache) or a positive number of statements; r2dbc's -1 (unbounded) has "
				+ "no pgjdbc equivalent");
	};

	/** An r2dbc duration that the other driver gets as a session setting in milliseconds. */
	static final ValueReader<Duration> R2DBC_DURATION = ValueReaders::r2dbcDuration;

	static final ValueReader<Map<String, String>> COMMAND_LINE_SETTINGS = (reading) -> SessionSettings
		.parseCommandLine(reading.value(), reading.name());

	static final ValueReader<Map<String, String>> R2DBC_SETTINGS = (reading) -> SessionSettings
		.parseR2dbc(reading.value(), reading.name());

	private ValueReaders() {
	}

	static SslMode sslMode(ValueReading reading) {
		String value = reading.value();
		boolean r2dbc = reading.family() == ParameterFamily.R2DBC;
		String spelling = r2dbc ? value.replace('_', '-') : value;
		if (r2dbc && spelling.equalsIgnoreCase("tunnel")) {
			throw new InvalidConnectionUrlException("r2dbc's sslMode=tunnel (direct TLS without negotiation) has no "
					+ "pgjdbc equivalent.", reading.name(), "Use sslMode=verify-full&sslNegotiation=direct, which "
							+ "both drivers support.");
		}
		SslMode mode = SslMode.fromLibpqName(spelling)
			.orElseThrow(() -> reading.invalidValue("disable, allow, prefer, require, verify-ca or verify-full"));
		if (reading.family() == ParameterFamily.LIBPQ && !value.equals(mode.libpqName())) {
			throw new InvalidConnectionUrlException("The " + reading.describe() + " has the value "
					+ MessageText.shown(value) + ", which libpq refuses: it reads sslmode values case-sensitively.",
					reading.name(), "Did you mean '" + mode.libpqName() + "'?");
		}
		return mode;
	}

	/** pgjdbc's ssl flag: present, empty or true means verify-full, false prefer. */
	static @Nullable SslMode pgjdbcSslFlag(ValueReading reading) {
		return switch (reading.value().toLowerCase(Locale.ROOT)) {
			case "", "true" -> SslMode.VERIFY_FULL;
			case "false" -> SslMode.PREFER;
			default -> throw reading.invalidValue("true or false");
		};
	}

	/**
	 * libpq knows ssl only as pgjdbc's ssl=true, which it reads as sslmode=require, and refuses anything else;
	 * SQLAlchemy's drivers read true and 1, false and 0, and asyncpg's sslmode values.
	 */
	static @Nullable SslMode libpqSslFlag(ValueReading reading) {
		String value = reading.value();
		if (reading.form() == UrlForm.SQLALCHEMY) {
			return switch (value.toLowerCase(Locale.ROOT)) {
				case "true", "1" -> SslMode.REQUIRE;
				case "false", "0" -> SslMode.DISABLE;
				default -> sslMode(reading);
			};
		}
		if (value.equals("true")) {
			return SslMode.REQUIRE;
		}
		String instead = switch (value.toLowerCase(Locale.ROOT)) {
			case "false", "0" -> "sslmode=disable";
			case "1" -> "sslmode=require";
			default -> SslMode.fromLibpqName(value).map((mode) -> "sslmode=" + mode).orElse("sslmode");
		};
		throw new InvalidConnectionUrlException("The " + reading.describe() + " has the value "
				+ MessageText.shown(value) + ", which libpq refuses: it knows ssl only as ssl=true (for pgjdbc "
				+ "compatibility, meaning sslmode=require).", reading.name(), "Did you mean '" + instead + "'?");
	}

	/** r2dbc's ssl flag: true means verify-full, false leaves the mode to sslMode or the default. */
	static @Nullable SslMode r2dbcSslFlag(ValueReading reading) {
		return switch (reading.value().toLowerCase(Locale.ROOT)) {
			case "true" -> SslMode.VERIFY_FULL;
			case "false" -> null;
			default -> throw reading.invalidValue("true or false");
		};
	}

	/** libpq's sslrootcert=system is the JDK's store here (empty); any other value is a file. */
	static Optional<String> libpqRootCertificate(ValueReading reading) {
		if (reading.value().equals("system")) {
			reading.note("sslrootcert=system: the JDK's default trust store on both paths (libpq would use the "
					+ "operating system's store)");
			return Optional.empty();
		}
		return Optional.of(reading.value());
	}

	/** Whether pgjdbc's sslfactory asks for the JDK's trust store; factories r2dbc cannot run are refused. */
	static Boolean jdkTrustFactory(ValueReading reading) {
		String value = reading.value();
		switch (value) {
			case "org.postgresql.ssl.LibPQFactory" -> {
				return false;
			}
			case Tls.Trust.JdkTrustStore.PGJDBC_FACTORY -> {
				reading.note(reading.name() + "=" + value + ": the JDK's default trust store on both paths");
				return true;
			}
			default -> throw new InvalidConnectionUrlException("The SSL factory " + value
					+ " cannot be run by r2dbc.", reading.name(),
					value.equals("org.postgresql.ssl.NonValidatingFactory")
							? "Use sslmode=require, which both drivers read as TLS without certificate checks."
							: "Remove sslfactory and use sslmode with sslrootcert.");
		}
	}

	/** pgjdbc's whole seconds, noted with what r2dbc gets. */
	static Duration pgjdbcSeconds(ValueReading reading) {
		Duration duration = Durations.parseSeconds(reading.value())
			.orElseThrow(() -> reading.invalidValue("whole seconds, such as 10"));
		return notedSeconds(reading, duration);
	}

	/** libpq's reading of a timeout: zero or negative means none, and 1 means its minimum, 2. */
	static Duration libpqSeconds(ValueReading reading) {
		try {
			int seconds = Integer.parseInt(reading.value().trim());
			return notedSeconds(reading, Duration.ofSeconds((seconds <= 0) ? 0 : Math.max(seconds, 2)));
		}
		catch (NumberFormatException ex) {
			throw reading.invalidValue("whole seconds, such as 10");
		}
	}

	/** An r2dbc duration, noted with the whole seconds pgjdbc gets. */
	static Duration r2dbcTimeout(ValueReading reading) {
		Duration duration = r2dbcDuration(reading);
		reading.note(reading.name() + "=" + reading.value() + " -> " + duration + "; pgjdbc "
				+ reading.parameter().names(ParameterFamily.PGJDBC).get(0) + "="
				+ Durations.toWholeSecondsRoundedUp(duration)
				+ ((Durations.isWholeSeconds(duration)) ? "" : " (whole seconds, rounded up)"));
		return duration;
	}

	private static Duration notedSeconds(ValueReading reading, Duration duration) {
		reading.note(reading.name() + "=" + reading.value() + " (seconds) -> r2dbc "
				+ reading.parameter().names(ParameterFamily.R2DBC).get(0) + " " + duration
				+ (duration.isZero() ? " (no timeout)" : ""));
		return duration;
	}

	private static Duration r2dbcDuration(ValueReading reading) {
		return Durations.parseR2dbc(reading.value())
			.filter((parsed) -> !parsed.isNegative())
			.orElseThrow(() -> reading.invalidValue("a duration such as PT10S or 10s (a bare number means "
					+ "milliseconds)"));
	}

	static TargetServerType pgjdbcServerType(ValueReading reading) {
		return switch (reading.value()) {
			case "any" -> TargetServerType.ANY;
			case "primary", "master" -> TargetServerType.PRIMARY;
			case "secondary", "slave" -> TargetServerType.SECONDARY;
			case "preferSecondary", "preferSlave" -> TargetServerType.PREFER_SECONDARY;
			case "preferPrimary" -> throw new InvalidConnectionUrlException("targetServerType=preferPrimary cannot "
					+ "be expressed for r2dbc, which only knows any, primary, secondary and preferSecondary.",
					reading.name(), "Use targetServerType=primary (fail when no primary is reachable) or any.");
			default -> throw reading.invalidValue(
					"any, primary, secondary or preferSecondary (pgjdbc reads them case-sensitively)");
		};
	}

	/**
	 * pgjdbc and r2dbc tell a primary by {@code transaction_read_only} (pgjdbc also by {@code in_hot_standby}): what
	 * libpq's read-write and read-only check. libpq's primary and standby ask whether the server is in recovery,
	 * which differs for a primary whose sessions default to read-only.
	 */
	static TargetServerType libpqSessionAttributes(ValueReading reading) {
		String name = reading.name();
		String value = reading.value();
		TargetServerType type = switch (value) {
			case "any" -> TargetServerType.ANY;
			case "read-write" -> TargetServerType.PRIMARY;
			case "read-only" -> TargetServerType.SECONDARY;
			case "primary", "standby", "prefer-standby" -> throw new InvalidConnectionUrlException("libpq's " + name
					+ "=" + value + " asks whether the server is in recovery, which neither Java driver can check: "
					+ "pgjdbc and r2dbc only tell whether the session is read-only, so a primary whose sessions "
					+ "default to read-only would be " + (value.equals("primary") ? "refused" : "accepted")
					+ " on both paths.", name, "Use " + name + "=" + (value.equals("primary") ? "read-write" : "read-only")
							+ (value.equals("prefer-standby") ? " (no fallback) or any" : "")
							+ ", which libpq and both Java drivers check the same way (transaction_read_only).");
			default -> throw reading.invalidValue(
					"any, read-write or read-only (primary, standby and prefer-standby cannot be carried)");
		};
		if (type != TargetServerType.ANY) {
			reading.note(name + "=" + value + " -> targetServerType=" + type + ": both Java drivers tell a primary "
					+ "by transaction_read_only, as libpq's " + value + " does");
		}
		return type;
	}

	static TargetServerType r2dbcServerType(ValueReading reading) {
		return switch (reading.value().toLowerCase(Locale.ROOT).replace("_", "")) {
			case "any" -> TargetServerType.ANY;
			case "primary" -> TargetServerType.PRIMARY;
			case "secondary" -> TargetServerType.SECONDARY;
			case "prefersecondary" -> TargetServerType.PREFER_SECONDARY;
			default -> throw reading.invalidValue("any, primary, secondary or preferSecondary");
		};
	}

	private static boolean bool(ValueReading reading) {
		return switch (reading.value().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw reading.invalidValue("true or false (the drivers read anything else as false)");
		};
	}

	/** One of the allowed spellings, matched exactly for pgjdbc and libpq (which read them case-sensitively). */
	private static String choice(ValueReading reading, List<String> allowed, boolean ignoreCase) {
		String value = reading.value();
		Optional<String> match = allowed.stream()
			.filter((candidate) -> ignoreCase ? candidate.equalsIgnoreCase(value) : candidate.equals(value))
			.findFirst();
		return match.orElseThrow(() -> reading.invalidValue(String.join(", ", allowed)
				+ (ignoreCase ? "" : " (read case-sensitively by " + reading.family().displayName() + ")")));
	}

}
