package io.github.duality.autoconfigure.endpoint;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.duality.core.model.Secrets;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps database secrets out of the {@code env} and {@code configprops} endpoints even when they show values: Boot
 * applies no sanitizing of its own then, and a pgjdbc URL carries its password as a {@code password=} query
 * parameter that a user-info check would miss. A PostgreSQL URL is shown with its secrets masked; any other text
 * holding one (a command line, say) and the password properties of the database paths are hidden entirely.
 * Everything else is left to Boot's own sanitizing: {@code app.bypass-cache} is not a password.
 */
class PostgresUrlSanitizingFunction implements SanitizingFunction {

	private static final Pattern POSTGRES_URL = Pattern.compile(
			"(jdbc:postgresql:|postgres(ql)?(\\+\\w+)?://|r2dbcs?:(pool:)?postgres(ql)?:)", Pattern.CASE_INSENSITIVE);

	/** Where Boot and the drivers take database credentials from; a password may sit deeper, e.g. hikari. */
	private static final List<String> DATABASE_PREFIXES = List.of("spring.datasource.", "spring.r2dbc.",
			"spring.liquibase.", "spring.flyway.");

	/** libpq's own variables, which pgjdbc and psql read too. */
	private static final List<String> LIBPQ_PASSWORDS = List.of("pgpassword", "pgsslpassword");

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (isDatabasePassword(data.getKey())) {
			return data.withSanitizedValue();
		}
		if (data.getValue() instanceof String value) {
			Matcher url = POSTGRES_URL.matcher(value.trim());
			if (url.lookingAt()) {
				return data.withValue(Secrets.mask(value));
			}
			if (url.find()) {
				return data.withSanitizedValue();
			}
		}
		return data;
	}

	/**
	 * A password property of a database path, in either spelling: {@code spring.datasource.password} or the
	 * environment variable {@code SPRING_DATASOURCE_PASSWORD}.
	 */
	static boolean isDatabasePassword(String key) {
		String name = key.toLowerCase(Locale.ROOT).replace('_', '.');
		if (LIBPQ_PASSWORDS.contains(name)) {
			return true;
		}
		String lastSegment = name.substring(name.lastIndexOf('.') + 1).replace("-", "");
		return lastSegment.endsWith("password") && DATABASE_PREFIXES.stream().anyMatch(name::startsWith);
	}

}
