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

	/** Each r2dbc-pool option that Spring Boot's R2DBC auto-configuration has a property for, and the property. */
	private static final Map<String, String> POOL_PROPERTIES = Map.ofEntries(
			Map.entry("acquireRetry", "spring.r2dbc.pool.acquire-retry"),
			Map.entry("initialSize", "spring.r2dbc.pool.initial-size"),
			Map.entry("maxSize", "spring.r2dbc.pool.max-size"), Map.entry("minIdle", "spring.r2dbc.pool.min-idle"),
			Map.entry("maxAcquireTime", "spring.r2dbc.pool.max-acquire-time"),
			Map.entry("maxCreateConnectionTime", "spring.r2dbc.pool.max-create-connection-time"),
			Map.entry("maxIdleTime", "spring.r2dbc.pool.max-idle-time"),
			Map.entry("maxLifeTime", "spring.r2dbc.pool.max-life-time"),
			Map.entry("maxValidationTime", "spring.r2dbc.pool.max-validation-time"),
			Map.entry("validationQuery", "spring.r2dbc.pool.validation-query"),
			Map.entry("validationDepth", "spring.r2dbc.pool.validation-depth"));

	private final ParameterFamily family;

	private final FamilySpellings spellings;

	private final ConnectionSpec.Builder builder;

	private final List<String> notes;

	/** The value and spelling each carried parameter was given with, to refuse an alias with another value. */
	private final Map<Parameter, String> given = new EnumMap<>(Parameter.class);

	ParameterInterpreter(ParameterFamily family, ConnectionSpec.Builder builder, List<String> notes) {
		this.family = family;
		this.spellings = new FamilySpellings(family);
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
		if (parameter == Parameter.POOL) {
			throw poolOption(name, value);
		}
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

	/**
	 * An r2dbc-pool option, as r2dbc-pool's own URL provider reads it: Spring Boot builds the pool from
	 * {@code spring.r2dbc.pool.*}, so the fix is the property to set, with the same value (Boot reads r2dbc-pool's
	 * ISO-8601 durations, numbers and validation depths as they are).
	 */
	private InvalidConnectionUrlException poolOption(String name, String value) {
		String property = POOL_PROPERTIES.get(name);
		String problem = "The r2dbc-pool option '" + name + "' configures the connection pool, which Spring Boot "
				+ "builds from spring.r2dbc.pool.*, not from the URL (and the URL's migration path has no pool).";
		if (property == null) {
			return new InvalidConnectionUrlException(problem, name, "Remove " + name + " from the URL: "
					+ "spring.r2dbc.pool.* has no property for it. If you need it, define your own ConnectionFactory "
					+ "bean (a ConnectionPool); Duality then backs off for the application path.");
		}
		String shown = MessageText.isPlain(value) ? property + "=" + value : property;
		return new InvalidConnectionUrlException(problem, name,
				"Remove " + name + " from the URL and set " + shown + " instead.");
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
			case SSL_MODE -> this.builder.sslMode(this.spellings.sslMode(name, value), source);
			case SSL -> sslFlag(name, value);
			case SSL_ROOT_CERT -> sslRootCert(value);
			case SSL_CERT -> this.builder.sslCert(value);
			case SSL_KEY -> this.builder.sslKey(value);
			case SSL_PASSWORD -> this.builder.sslPassword(value);
			case SSL_NEGOTIATION -> this.builder.directSslNegotiation(
					this.spellings.choice(name, value, List.of("postgres", "direct"), this.family == ParameterFamily.R2DBC)
						.equals("direct"));
			case SSL_FACTORY -> sslFactory(name, value);
			case CHANNEL_BINDING -> this.builder.channelBinding(
					this.spellings.choice(name, value, List.of("disable", "prefer", "require"), this.family == ParameterFamily.R2DBC));
			case APPLICATION_NAME -> this.builder.applicationName(value, source);
			case FALLBACK_APPLICATION_NAME -> this.builder.fallbackApplicationName(value);
			case CURRENT_SCHEMA -> this.builder.schema(value, source);
			case OPTIONS -> options(name, value);
			case STATEMENT_TIMEOUT -> timeoutSetting(name, value, "statement_timeout");
			case LOCK_WAIT_TIMEOUT -> timeoutSetting(name, value, "lock_timeout");
			case CONNECT_TIMEOUT -> this.builder.connectTimeout(connectTimeout(parameter, name, value));
			case TCP_KEEP_ALIVE -> this.builder.tcpKeepAlive(this.spellings.tcpKeepAlive(name, value));
			case TCP_NO_DELAY -> this.builder.tcpNoDelay(this.spellings.bool(name, value));
			case TARGET_SERVER_TYPE -> this.builder.targetServerType(targetServerType(name, value));
			case LOAD_BALANCE_HOSTS -> this.builder.loadBalanceHosts((this.family == ParameterFamily.LIBPQ)
					? this.spellings.choice(name, value, List.of("disable", "random"), false).equals("random") : this.spellings.bool(name, value));
			case HOST_RECHECK -> this.builder.hostRecheck(duration(parameter, name, value));
			case PREPARED_STATEMENT_CACHE_QUERIES -> this.builder.preparedStatementCacheQueries(this.spellings.cacheSize(name, value));
			case PGBOUNCER -> transactionPooler(name, value);
			default -> throw new IllegalStateException(name + " is read by the URL parser, not here");
		}
	}

	/**
	 * Prisma's pgbouncer=true, which Supabase puts in its pooler URLs: a transaction pooler is in front. What that
	 * means for both paths is decided once the whole URL is read, with every other sign of a pooler.
	 */
	private void transactionPooler(String name, String value) {
		if (this.spellings.bool(name, value)) {
			this.builder.transactionPoolerDeclared();
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

	private void sslFlag(String name, String value) {
		String flag = value.toLowerCase(Locale.ROOT);
		SslMode mode = switch (this.family) {
			case PGJDBC -> switch (flag) {
				case "", "true" -> SslMode.VERIFY_FULL;
				case "false" -> SslMode.PREFER;
				default -> throw this.spellings.invalidValue(name, value, "true or false");
			};
			case LIBPQ -> (this.builder.form() == UrlForm.LIBPQ) ? this.spellings.libpqSslFlag(name, value) : switch (flag) {
				case "true", "1" -> SslMode.REQUIRE;
				case "false", "0" -> SslMode.DISABLE;
				default -> this.spellings.sslMode(name, value);
			};
			case R2DBC -> switch (flag) {
				case "true" -> SslMode.VERIFY_FULL;
				case "false" -> null;
				default -> throw this.spellings.invalidValue(name, value, "true or false");
			};
		};
		this.builder.sslModeFromSslFlag(mode);
		if (mode != null) {
			this.notes.add(name + ((value.isEmpty()) ? "" : "=" + value) + " means sslmode=" + mode + " for "
					+ this.family.displayName() + " (unless sslmode is given)");
		}
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
			case Tls.Trust.JdkTrustStore.PGJDBC_FACTORY -> {
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
						throw new InvalidConnectionUrlException("client_encoding " + MessageText.shown(settingValue)
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
		String milliseconds = Long.toString(this.spellings.r2dbcDuration(name, value).toMillis());
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
			Duration duration = this.spellings.r2dbcDuration(name, value);
			this.notes.add(name + "=" + value + " -> " + duration + "; pgjdbc " + parameter.names(ParameterFamily.PGJDBC)
				.get(0) + "=" + Durations.toWholeSecondsRoundedUp(duration)
					+ ((Durations.isWholeSeconds(duration)) ? "" : " (whole seconds, rounded up)"));
			return duration;
		}
		Duration duration = (this.family == ParameterFamily.LIBPQ) ? this.spellings.libpqSeconds(name, value)
				: Durations.parseSeconds(value).orElseThrow(() -> this.spellings.invalidValue(name, value, "whole seconds, such as 10"));
		this.notes.add(name + "=" + value + " (seconds) -> r2dbc " + parameter.names(ParameterFamily.R2DBC).get(0) + " "
				+ duration + (duration.isZero() ? " (no timeout)" : ""));
		return duration;
	}

	private TargetServerType targetServerType(String name, String value) {
		TargetServerType type = switch (this.family) {
			case PGJDBC -> switch (value) {
				case "any" -> TargetServerType.ANY;
				case "primary", "master" -> TargetServerType.PRIMARY;
				case "secondary", "slave" -> TargetServerType.SECONDARY;
				case "preferSecondary", "preferSlave" -> TargetServerType.PREFER_SECONDARY;
				case "preferPrimary" -> throw this.spellings.preferPrimary(name);
				default -> throw this.spellings.invalidValue(name, value,
						"any, primary, secondary or preferSecondary (pgjdbc reads them case-sensitively)");
			};
			case LIBPQ -> switch (value) {
				case "any" -> TargetServerType.ANY;
				case "read-write" -> TargetServerType.PRIMARY;
				case "read-only" -> TargetServerType.SECONDARY;
				case "primary", "standby", "prefer-standby" -> throw this.spellings.recoveryStateUnknownToJava(name, value);
				default -> throw this.spellings.invalidValue(name, value,
						"any, read-write or read-only (primary, standby and prefer-standby cannot be carried)");
			};
			case R2DBC -> switch (value.toLowerCase(Locale.ROOT).replace("_", "")) {
				case "any" -> TargetServerType.ANY;
				case "primary" -> TargetServerType.PRIMARY;
				case "secondary" -> TargetServerType.SECONDARY;
				case "prefersecondary" -> TargetServerType.PREFER_SECONDARY;
				default -> throw this.spellings.invalidValue(name, value, "any, primary, secondary or preferSecondary");
			};
		};
		if (this.family == ParameterFamily.LIBPQ && (value.equals("read-write") || value.equals("read-only"))) {
			this.notes.add(name + "=" + value + " -> targetServerType=" + type + ": both Java drivers tell a primary "
					+ "by transaction_read_only, as libpq's " + value + " does");
		}
		return type;
	}

	private InvalidConnectionUrlException unknown(String name) {
		String problem = "Unknown " + this.family.displayName() + " parameter " + MessageText.shown(name) + ": "
				+ driverName() + " would silently ignore it, and its meaning would be lost.";
		if (!MessageText.isPlain(name)) {
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
		return this.spellings.describe(name);
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
