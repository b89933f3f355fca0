package io.github.duality.core;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one URL parameter, named and spelled the way its family does, into the model: looks its fate up in the
 * {@link Parameter} table, refuses what must be refused, keeps path-only parameters on their path and converts the
 * rest. The parsers handle the structural parameters (hosts, ports, driver, protocol) themselves.
 */
final class ParameterInterpreter {

	private static final Set<String> UTF8_SPELLINGS = Set.of("utf8", "utf-8", "unicode");

	private final ParameterFamily family;

	private final ConnectionSpec.Builder builder;

	private final List<String> notes;

	/** The value and spelling each carried parameter was given with, to refuse an alias with another value. */
	private final Map<Parameter, String> given = new EnumMap<>(Parameter.class);

	ParameterInterpreter(ParameterFamily family, ConnectionSpec.Builder builder, List<String> notes) {
		this.family = family;
		this.builder = builder;
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
		switch (parameter.fate()) {
			case REFUSED -> {
				if (!parameter.accepts(value)) {
					String accepted = parameter.acceptedValues().isEmpty() ? ""
							: ", or give it as " + String.join(" or ", parameter.acceptedValues());
					throw new InvalidConnectionUrlException(
							"The " + describe(name) + " cannot be carried to both drivers: " + parameter.note(), name,
							"Remove " + name + " from the URL" + accepted + ".");
				}
				keepOnOwnPath(name, value);
			}
			case PATH_ONLY -> {
				keepOnOwnPath(name, value);
				this.notes.add(name + " stays on the " + pathName() + " path: " + parameter.note());
			}
			case TRANSLATED, CONVERTED -> {
				refuseAliasWithAnotherValue(parameter, name, value);
				convert(parameter, name, value);
			}
		}
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

	private void convert(Parameter parameter, String name, String value) {
		String source = "the " + describe(name);
		switch (parameter) {
			case USER -> this.builder.user(value, source);
			case PASSWORD -> this.builder.password(value, source);
			case DATABASE -> this.builder.database(value, source);
			case SSL_MODE -> this.builder.sslMode(sslMode(name, value), source);
			case SSL -> sslFlag(name, value);
			case SSL_ROOT_CERT -> sslRootCert(value);
			case SSL_CERT -> this.builder.sslCert(value);
			case SSL_KEY -> this.builder.sslKey(value);
			case SSL_NEGOTIATION -> this.builder.directSslNegotiation(
					choice(name, value, List.of("postgres", "direct"), this.family == ParameterFamily.R2DBC)
						.equals("direct"));
			case SSL_FACTORY -> sslFactory(name, value);
			case CHANNEL_BINDING -> this.builder.channelBinding(
					choice(name, value, List.of("disable", "prefer", "require"), this.family == ParameterFamily.R2DBC));
			case APPLICATION_NAME -> this.builder.applicationName(value, source);
			case FALLBACK_APPLICATION_NAME -> this.builder.fallbackApplicationName(value);
			case CURRENT_SCHEMA -> this.builder.schema(value, source);
			case OPTIONS -> options(name, value);
			case STATEMENT_TIMEOUT -> timeoutSetting(name, value, "statement_timeout");
			case LOCK_WAIT_TIMEOUT -> timeoutSetting(name, value, "lock_timeout");
			case CONNECT_TIMEOUT -> this.builder.connectTimeout(connectTimeout(parameter, name, value));
			case TCP_KEEP_ALIVE -> this.builder.tcpKeepAlive(tcpKeepAlive(name, value));
			case TCP_NO_DELAY -> this.builder.tcpNoDelay(bool(name, value));
			case TARGET_SERVER_TYPE -> this.builder.targetServerType(targetServerType(name, value));
			case LOAD_BALANCE_HOSTS -> this.builder.loadBalanceHosts((this.family == ParameterFamily.LIBPQ)
					? choice(name, value, List.of("disable", "random"), false).equals("random") : bool(name, value));
			case HOST_RECHECK -> this.builder.hostRecheck(duration(parameter, name, value));
			case PREPARED_STATEMENT_CACHE_QUERIES -> this.builder.preparedStatementCacheQueries(cacheSize(name, value));
			case PGBOUNCER -> transactionPooler(name, value);
			default -> throw new IllegalStateException(name + " is read by the URL parser, not here");
		}
	}

	/**
	 * Prisma's pgbouncer=true, which Supabase puts in its pooler URLs: a transaction pooler is in front, so no
	 * connection may rely on statements prepared in an earlier transaction.
	 */
	private void transactionPooler(String name, String value) {
		if (bool(name, value)) {
			this.builder.preparedStatementCacheQueries(0);
			this.builder.pgjdbcOnly("prepareThreshold", "0");
			this.notes.add(name + "=true (Prisma's, a transaction pooler in front): no server-side prepared "
					+ "statements on either path (pgjdbc prepareThreshold=0 and preparedStatementCacheQueries=0, "
					+ "r2dbc preparedStatementCacheQueries=0); libpq itself does not know the parameter");
		}
	}

	private void keepOnOwnPath(String name, String value) {
		if (this.family == ParameterFamily.PGJDBC) {
			this.builder.pgjdbcOnly(name, value);
		}
		else if (this.family == ParameterFamily.R2DBC) {
			this.builder.r2dbcOnly(name, value);
		}
	}

	private SslMode sslMode(String name, String value) {
		String spelling = (this.family == ParameterFamily.R2DBC) ? value.replace('_', '-') : value;
		if (this.family == ParameterFamily.R2DBC && spelling.equalsIgnoreCase("tunnel")) {
			throw new InvalidConnectionUrlException("r2dbc's sslMode=tunnel (direct TLS without negotiation) has no "
					+ "pgjdbc equivalent.", name, "Use sslMode=verify-full&sslNegotiation=direct, which both drivers "
							+ "support.");
		}
		SslMode mode = SslMode.fromLibpqName(spelling).orElseThrow(() -> invalidValue(name, value, "disable, allow, "
				+ "prefer, require, verify-ca or verify-full"));
		if (this.family == ParameterFamily.LIBPQ && !value.equals(mode.libpqName())) {
			throw new InvalidConnectionUrlException("The " + describe(name) + " has the value " + UrlSyntax.shown(value)
					+ ", which libpq refuses: it reads sslmode values case-sensitively.", name,
					"Did you mean '" + mode.libpqName() + "'?");
		}
		return mode;
	}

	private void sslFlag(String name, String value) {
		String flag = value.toLowerCase(Locale.ROOT);
		SslMode mode = switch (this.family) {
			case PGJDBC -> switch (flag) {
				case "", "true" -> SslMode.VERIFY_FULL;
				case "false" -> SslMode.PREFER;
				default -> throw invalidValue(name, value, "true or false");
			};
			case LIBPQ -> (this.builder.form() == UrlForm.LIBPQ) ? libpqSslFlag(name, value) : switch (flag) {
				case "true", "1" -> SslMode.REQUIRE;
				case "false", "0" -> SslMode.DISABLE;
				default -> sslMode(name, value);
			};
			case R2DBC -> switch (flag) {
				case "true" -> SslMode.VERIFY_FULL;
				case "false" -> null;
				default -> throw invalidValue(name, value, "true or false");
			};
		};
		this.builder.sslModeFromSslFlag(mode);
		if (mode != null) {
			this.notes.add(name + ((value.isEmpty()) ? "" : "=" + value) + " means sslmode=" + mode + " for "
					+ this.family.displayName() + " (unless sslmode is given)");
		}
	}

	/** libpq knows ssl only as pgjdbc's ssl=true, which it reads as sslmode=require; anything else it refuses. */
	private SslMode libpqSslFlag(String name, String value) {
		if (value.equals("true")) {
			return SslMode.REQUIRE;
		}
		String instead = switch (value.toLowerCase(Locale.ROOT)) {
			case "false", "0" -> "sslmode=disable";
			case "1" -> "sslmode=require";
			default -> SslMode.fromLibpqName(value).map((mode) -> "sslmode=" + mode).orElse("sslmode");
		};
		throw new InvalidConnectionUrlException("The " + describe(name) + " has the value " + UrlSyntax.shown(value)
				+ ", which libpq refuses: it knows ssl only as ssl=true (for pgjdbc compatibility, meaning "
				+ "sslmode=require).", name, "Did you mean '" + instead + "'?");
	}

	private void sslRootCert(String value) {
		if (this.family == ParameterFamily.LIBPQ && value.equals("system")) {
			this.builder.jdkTrustStore();
			this.notes.add("sslrootcert=system: the JDK's default trust store on both paths (libpq would use the "
					+ "operating system's store)");
		}
		else {
			this.builder.sslRootCert(value);
		}
	}

	private void sslFactory(String name, String value) {
		switch (value) {
			case "org.postgresql.ssl.LibPQFactory" -> {
			}
			case "org.postgresql.ssl.DefaultJavaSSLFactory" -> {
				this.builder.jdkTrustStore();
				this.notes.add(name + "=" + value + ": the JDK's default trust store on both paths");
			}
			default -> throw new InvalidConnectionUrlException("The SSL factory " + value + " cannot be run by r2dbc.",
					name, value.equals("org.postgresql.ssl.NonValidatingFactory")
							? "Use sslmode=require, which both drivers read as TLS without certificate checks."
							: "Remove sslfactory and use sslmode with sslrootcert.");
		}
	}

	private void options(String name, String value) {
		Map<String, String> settings = (this.family == ParameterFamily.R2DBC) ? SessionSettings.parseR2dbc(value, name)
				: SessionSettings.parseCommandLine(value, name);
		String source = "the " + describe(name);
		settings.forEach((setting, settingValue) -> {
			switch (setting) {
				case "search_path" -> this.builder.schema(settingValue, source);
				case "application_name" -> this.builder.applicationName(settingValue, source);
				case "client_encoding" -> {
					if (!UTF8_SPELLINGS.contains(settingValue.toLowerCase(Locale.ROOT))) {
						throw new InvalidConnectionUrlException("client_encoding " + UrlSyntax.shown(settingValue)
								+ " in " + source + ": both drivers always use UTF8.", name, "Remove the setting.");
					}
				}
				case "datestyle", "timezone" -> throw new InvalidConnectionUrlException("The " + setting + " setting in "
						+ source + " would be overridden: both drivers send their own at connection start.", name,
						setting.equals("timezone") ? "Set the JVM's time zone (-Duser.timezone) instead."
								: "Remove the setting.");
				default -> this.builder.sessionSetting(setting, settingValue, source);
			}
		});
	}

	private void timeoutSetting(String name, String value, String setting) {
		String milliseconds = Long.toString(r2dbcDuration(name, value).toMillis());
		this.builder.sessionSetting(setting, milliseconds, "the " + describe(name));
		this.notes.add(name + "=" + value + " -> session setting " + setting + "=" + milliseconds
				+ " (milliseconds) on both paths");
	}

	private Duration connectTimeout(Parameter parameter, String name, String value) {
		Duration timeout = duration(parameter, name, value);
		if (timeout.toMillis() > Integer.MAX_VALUE) {
			throw new InvalidConnectionUrlException("The " + describe(name) + " is longer than r2dbc can express (about "
					+ "24 days).", name, "Use a shorter timeout, or 0 for none.");
		}
		return timeout;
	}

	/** A timeout read in the family's unit, with a note on what the other driver gets. */
	private Duration duration(Parameter parameter, String name, String value) {
		if (this.family == ParameterFamily.R2DBC) {
			Duration duration = r2dbcDuration(name, value);
			this.notes.add(name + "=" + value + " -> " + duration + "; pgjdbc " + parameter.names(ParameterFamily.PGJDBC)
				.get(0) + "=" + Durations.toWholeSecondsRoundedUp(duration)
					+ ((Durations.isWholeSeconds(duration)) ? "" : " (whole seconds, rounded up)"));
			return duration;
		}
		Duration duration = (this.family == ParameterFamily.LIBPQ) ? libpqSeconds(name, value)
				: Durations.parseSeconds(value).orElseThrow(() -> invalidValue(name, value, "whole seconds, such as 10"));
		this.notes.add(name + "=" + value + " (seconds) -> r2dbc " + parameter.names(ParameterFamily.R2DBC).get(0) + " "
				+ duration + (duration.isZero() ? " (no timeout)" : ""));
		return duration;
	}

	/** libpq's reading of a timeout: zero or negative means none, and 1 means its minimum, 2. */
	private Duration libpqSeconds(String name, String value) {
		try {
			int seconds = Integer.parseInt(value.trim());
			return Duration.ofSeconds((seconds <= 0) ? 0 : Math.max(seconds, 2));
		}
		catch (NumberFormatException ex) {
			throw invalidValue(name, value, "whole seconds, such as 10");
		}
	}

	private Duration r2dbcDuration(String name, String value) {
		return Durations.parseR2dbc(value)
			.filter((parsed) -> !parsed.isNegative())
			.orElseThrow(() -> invalidValue(name, value,
					"a duration such as PT10S or 10s (a bare number means milliseconds)"));
	}

	private boolean tcpKeepAlive(String name, String value) {
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

	private TargetServerType targetServerType(String name, String value) {
		TargetServerType type = switch (this.family) {
			case PGJDBC -> switch (value) {
				case "any" -> TargetServerType.ANY;
				case "primary", "master" -> TargetServerType.PRIMARY;
				case "secondary", "slave" -> TargetServerType.SECONDARY;
				case "preferSecondary", "preferSlave" -> TargetServerType.PREFER_SECONDARY;
				case "preferPrimary" -> throw preferPrimary(name);
				default -> throw invalidValue(name, value,
						"any, primary, secondary or preferSecondary (pgjdbc reads them case-sensitively)");
			};
			case LIBPQ -> switch (value) {
				case "any" -> TargetServerType.ANY;
				case "read-write" -> TargetServerType.PRIMARY;
				case "read-only" -> TargetServerType.SECONDARY;
				case "primary", "standby", "prefer-standby" -> throw recoveryStateUnknownToJava(name, value);
				default -> throw invalidValue(name, value,
						"any, read-write or read-only (primary, standby and prefer-standby cannot be carried)");
			};
			case R2DBC -> switch (value.toLowerCase(Locale.ROOT).replace("_", "")) {
				case "any" -> TargetServerType.ANY;
				case "primary" -> TargetServerType.PRIMARY;
				case "secondary" -> TargetServerType.SECONDARY;
				case "prefersecondary" -> TargetServerType.PREFER_SECONDARY;
				default -> throw invalidValue(name, value, "any, primary, secondary or preferSecondary");
			};
		};
		if (this.family == ParameterFamily.LIBPQ && (value.equals("read-write") || value.equals("read-only"))) {
			this.notes.add(name + "=" + value + " -> targetServerType=" + type + ": both Java drivers tell a primary "
					+ "by transaction_read_only, as libpq's " + value + " does");
		}
		return type;
	}

	/**
	 * pgjdbc and r2dbc tell a primary by {@code transaction_read_only} (pgjdbc also by {@code in_hot_standby}): what
	 * libpq's read-write and read-only check. libpq's primary and standby ask whether the server is in recovery,
	 * which differs for a primary whose sessions default to read-only.
	 */
	private InvalidConnectionUrlException recoveryStateUnknownToJava(String name, String value) {
		String instead = value.equals("primary") ? "read-write" : "read-only";
		return new InvalidConnectionUrlException("libpq's " + name + "=" + value + " asks whether the server is in "
				+ "recovery, which neither Java driver can check: pgjdbc and r2dbc only tell whether the session is "
				+ "read-only, so a primary whose sessions default to read-only would be "
				+ (value.equals("primary") ? "refused" : "accepted") + " on both paths.", name,
				"Use " + name + "=" + instead + (value.equals("prefer-standby") ? " (no fallback) or any" : "")
						+ ", which libpq and both Java drivers check the same way (transaction_read_only).");
	}

	private InvalidConnectionUrlException preferPrimary(String name) {
		return new InvalidConnectionUrlException(
				"targetServerType=preferPrimary cannot be expressed for r2dbc, which only knows any, primary, "
						+ "secondary and preferSecondary.",
				name, "Use targetServerType=primary (fail when no primary is reachable) or any.");
	}

	private int cacheSize(String name, String value) {
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

	private boolean bool(String name, String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalidValue(name, value, "true or false (the drivers read anything else as false)");
		};
	}

	/** One of the allowed spellings, matched exactly for pgjdbc and libpq (which read them case-sensitively). */
	private String choice(String name, String value, List<String> allowed, boolean ignoreCase) {
		Optional<String> match = allowed.stream()
			.filter((candidate) -> ignoreCase ? candidate.equalsIgnoreCase(value) : candidate.equals(value))
			.findFirst();
		return match.orElseThrow(() -> invalidValue(name, value, String.join(", ", allowed)
				+ (ignoreCase ? "" : " (read case-sensitively by " + this.family.displayName() + ")")));
	}

	private InvalidConnectionUrlException invalidValue(String name, String value, String expected) {
		return new InvalidConnectionUrlException("The " + describe(name) + " has the value " + UrlSyntax.shown(value)
				+ ", which is not valid.", name, "Use " + expected + ".");
	}

	private InvalidConnectionUrlException unknown(String name) {
		String problem = "Unknown " + this.family.displayName() + " parameter " + UrlSyntax.shown(name) + ": "
				+ driverName() + " would silently ignore it, and its meaning would be lost.";
		if (!UrlSyntax.isPlain(name)) {
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

	private String describe(String name) {
		return this.family.displayName() + " parameter '" + name + "'";
	}

	private String driverName() {
		return switch (this.family) {
			case PGJDBC -> "pgjdbc";
			case LIBPQ -> "the drivers";
			case R2DBC -> "r2dbc-postgresql";
		};
	}

	private String pathName() {
		return (this.family == ParameterFamily.R2DBC) ? "R2DBC" : "JDBC";
	}

}
