package io.github.duality.autoconfigure.endpoint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.duality.core.Secrets;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Keeps database secrets out of the {@code env} and {@code configprops} endpoints even when they show values: Boot
 * applies no sanitizing of its own then, and a pgjdbc URL carries its password as a {@code password=} query
 * parameter that a user-info check would miss. A PostgreSQL URL is shown with its secrets masked; any other text
 * holding one (a command line, say) and any secret-named property is hidden entirely.
 */
class PostgresUrlSanitizingFunction implements SanitizingFunction {

	private static final Pattern POSTGRES_URL = Pattern.compile(
			"(jdbc:postgresql:|postgres(ql)?(\\+\\w+)?://|r2dbcs?:(pool:)?postgres(ql)?:)", Pattern.CASE_INSENSITIVE);

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (Secrets.isSecret(data.getKey())) {
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

}
