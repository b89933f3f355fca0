package io.github.duality.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.r2dbc.postgresql.MultiHostConnectionStrategy;
import io.r2dbc.postgresql.client.SSLNegotiation;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.jspecify.annotations.Nullable;

/**
 * Masking of secrets in URLs, driver configurations and messages.
 */
public final class Secrets {

	/** What every secret is shown as. */
	public static final String MASK = "****";

	/** Shorter known secrets are not searched for in free text: masking every "ab" would garble messages. */
	private static final int MIN_KNOWN_SECRET_LENGTH = 4;

	private static final Pattern QUERY_PARAMETER = Pattern.compile("([?&])([^=&]*)=([^&]*)");

	private static final Pattern PERCENT_ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

	private Secrets() {
	}

	/** Whether a parameter or option of this name holds a secret: any name mentioning a password or a secret. */
	public static boolean isSecret(String name) {
		String lowerCase = name.toLowerCase(Locale.ROOT);
		return lowerCase.contains("password") || lowerCase.contains("secret");
	}

	/**
	 * The URL with its user-info password and the values of secret query parameters replaced by {@link #MASK}.
	 * Works on any input, parseable or not, and errs on the side of hiding too much: parameter names are
	 * percent-decoded before they are judged, and the user info is taken to end at the last {@code @} that can
	 * belong to it.
	 */
	public static @Nullable String mask(@Nullable String url) {
		if (url == null) {
			return null;
		}
		return maskQuery(maskUserInfo(url));
	}

	private static String maskUserInfo(String url) {
		int authorityStart = url.indexOf("//");
		if (authorityStart < 0) {
			return url;
		}
		authorityStart += 2;
		int userInfoEnd = userInfoEnd(url, authorityStart);
		if (userInfoEnd < 0) {
			return url;
		}
		int passwordStart = url.indexOf(':', authorityStart);
		if (passwordStart < 0 || passwordStart > userInfoEnd) {
			return url;
		}
		return url.substring(0, passwordStart + 1) + MASK + url.substring(userInfoEnd);
	}

	private static int userInfoEnd(String url, int authorityStart) {
		int queryStart = indexOfAny(url, authorityStart, '?', '#');
		int beforeQuery = url.lastIndexOf('@', (queryStart < 0) ? url.length() : queryStart);
		if (beforeQuery >= authorityStart) {
			return beforeQuery;
		}
		// An unencoded ? or # can only be part of a password if no path separator comes before it
		boolean queryMayBeInUserInfo = queryStart >= 0 && url.indexOf('/', authorityStart) < 0
				|| queryStart >= 0 && url.indexOf('/', authorityStart) > queryStart;
		return queryMayBeInUserInfo ? url.lastIndexOf('@') : -1;
	}

	private static int indexOfAny(String text, int from, char... characters) {
		int first = -1;
		for (char character : characters) {
			int index = text.indexOf(character, from);
			if (index >= 0 && (first < 0 || index < first)) {
				first = index;
			}
		}
		return first;
	}

	private static String maskQuery(String url) {
		Matcher parameter = QUERY_PARAMETER.matcher(url);
		StringBuilder masked = new StringBuilder();
		while (parameter.find()) {
			String replacement = isSecret(lenientPercentDecode(parameter.group(2)))
					? parameter.group(1) + parameter.group(2) + "=" + MASK : parameter.group();
			parameter.appendReplacement(masked, Matcher.quoteReplacement(replacement));
		}
		parameter.appendTail(masked);
		return masked.toString();
	}

	private static String lenientPercentDecode(String text) {
		Matcher escape = PERCENT_ESCAPE.matcher(text);
		StringBuilder decoded = new StringBuilder();
		while (escape.find()) {
			escape.appendReplacement(decoded,
					Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
		}
		escape.appendTail(decoded);
		return decoded.toString();
	}

	/**
	 * The text with every form a known secret can take in a URL or a driver message (as is, percent-encoded,
	 * form-encoded, with {@code +} and space swapped as the decoders do) replaced by {@link #MASK}.
	 */
	static @Nullable String maskKnown(@Nullable String text, Collection<String> secrets) {
		if (text == null) {
			return null;
		}
		Set<String> forms = new LinkedHashSet<>();
		for (String secret : secrets) {
			if (secret != null && secret.length() >= MIN_KNOWN_SECRET_LENGTH) {
				String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
				String percentEncoded = formEncoded.replace("+", "%20");
				forms.add(secret);
				forms.add(secret.replace('+', ' '));
				forms.add(secret.replace(' ', '+'));
				forms.add(formEncoded);
				forms.add(percentEncoded);
				forms.add(lowerCaseEscapes(formEncoded));
				forms.add(lowerCaseEscapes(percentEncoded));
			}
		}
		String masked = text;
		for (String form : forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
			masked = masked.replace(form, MASK);
		}
		return masked;
	}

	private static String lowerCaseEscapes(String encoded) {
		return PERCENT_ESCAPE.matcher(encoded).replaceAll((escape) -> "%" + escape.group(1).toLowerCase(Locale.ROOT));
	}

	/** pgjdbc properties as strings, secrets masked, sorted by name. */
	public static Map<String, String> maskedView(Properties properties) {
		Map<String, String> view = new TreeMap<>();
		properties.stringPropertyNames()
			.forEach((name) -> view.put(name, maskIfSecret(name, properties.getProperty(name))));
		return view;
	}

	/**
	 * r2dbc options as the strings an r2dbc URL would carry (durations ISO-8601, enums in their URL spelling,
	 * option maps as {@code k=v;k=v}), secrets masked, sorted by name.
	 */
	public static Map<String, String> maskedView(ConnectionFactoryOptions options) {
		Map<String, String> view = new TreeMap<>();
		ConnectionFactoryOptionsReader.read(options)
			.forEach((name, value) -> view.put(name, maskIfSecret(name, optionText(value))));
		return view;
	}

	static Map<String, String> maskedView(Map<String, String> settings) {
		Map<String, String> view = new TreeMap<>();
		settings.forEach((name, value) -> view.put(name, maskIfSecret(name, value)));
		return view;
	}

	private static String maskIfSecret(String name, String value) {
		return isSecret(name) ? MASK : value;
	}

	private static String optionText(Object value) {
		if (value instanceof Duration duration) {
			return duration.toString();
		}
		if (value instanceof MultiHostConnectionStrategy.TargetServerType type) {
			return type.getValue();
		}
		if (value instanceof SSLNegotiation negotiation) {
			return negotiation.value();
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.collect(Collectors.joining(";"));
		}
		return String.valueOf(value);
	}

}
