package io.github.duality.core.parameter;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.duality.core.model.Draft;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.core.model.MessageText;
import io.github.duality.core.model.SslMode;
import org.jspecify.annotations.Nullable;

/**
 * The claims of carried values that take more than one setter of the draft: what the {@code ssl} flag implies, the
 * settings of {@code options}, timeouts that become session settings.
 */
final class DraftClaims {

	private static final Set<String> UTF8_SPELLINGS = Set.of("utf8", "utf-8", "unicode");

	private DraftClaims() {
	}

	/** A mode implied by an {@code ssl} flag, which an explicit sslmode overrides in every family. */
	static void sslFlag(ValueReading reading, @Nullable SslMode mode) {
		reading.draft().sslModeFromSslFlag(mode);
		if (mode != null) {
			reading.note(reading.name() + ((reading.value().isEmpty()) ? "" : "=" + reading.value())
					+ " means sslmode=" + mode + " for " + reading.family().displayName() + " (unless sslmode is given)");
		}
	}

	/** A root certificate file, or the JDK's trust store (empty). */
	static void rootCertificate(ValueReading reading, Optional<String> file) {
		if (file.isPresent()) {
			reading.draft().sslRootCert(file.get());
		}
		else {
			reading.draft().jdkTrustStore();
		}
	}

	static void jdkTrustFactory(ValueReading reading, Boolean jdkTrustStore) {
		if (jdkTrustStore) {
			reading.draft().jdkTrustStore();
		}
	}

	/** The session settings of {@code options}: search_path and application_name are the schema and the name. */
	static void sessionSettings(ValueReading reading, Map<String, String> settings) {
		String source = reading.source();
		Draft draft = reading.draft();
		settings.forEach((setting, value) -> {
			switch (setting) {
				case "search_path" -> draft.schema(value, source);
				case "application_name" -> draft.applicationName(value, source);
				case "client_encoding" -> {
					if (!UTF8_SPELLINGS.contains(value.toLowerCase(Locale.ROOT))) {
						throw new InvalidConnectionUrlException("client_encoding " + MessageText.shown(value) + " in "
								+ source + ": both drivers always use UTF8.", reading.name(), "Remove the setting.");
					}
				}
				case "datestyle", "timezone" -> throw new InvalidConnectionUrlException("The " + setting
						+ " setting in " + source + " would be overridden: both drivers send their own at connection "
						+ "start.", reading.name(), setting.equals("timezone")
								? "Set the JVM's time zone (-Duser.timezone) instead." : "Remove the setting.");
				default -> draft.sessionSetting(setting, value, source);
			}
		});
	}

	/** r2dbc's timeout options, which pgjdbc gets as the session setting they are sent as. */
	static Carry.Claim<Duration> asSessionSetting(String setting) {
		return (reading, timeout) -> {
			String milliseconds = Long.toString(timeout.toMillis());
			reading.draft().sessionSetting(setting, milliseconds, reading.source());
			reading.note(reading.name() + "=" + reading.value() + " -> session setting " + setting + "="
					+ milliseconds + " (milliseconds) on both paths");
		};
	}

	static void connectTimeout(ValueReading reading, Duration timeout) {
		if (timeout.toMillis() > Integer.MAX_VALUE) {
			throw new InvalidConnectionUrlException("The " + reading.describe() + " is longer than r2dbc can express "
					+ "(about 24 days).", reading.name(), "Use a shorter timeout, or 0 for none.");
		}
		reading.draft().connectTimeout(timeout);
	}

	/**
	 * Prisma's pgbouncer=true, which Supabase puts in its pooler URLs: a transaction pooler is in front. What that
	 * means for both paths is decided once the whole URL is read, with every other sign of a pooler.
	 */
	static void transactionPooler(ValueReading reading, Boolean declared) {
		if (declared) {
			reading.draft().transactionPoolerDeclared();
		}
	}

}
