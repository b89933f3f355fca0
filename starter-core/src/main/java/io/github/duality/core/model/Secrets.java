package io.github.duality.core.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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

	private static final List<String> SECRET_NAME_PARTS = List.of("pass", "word", "pwd", "secret");

	/** A parameter name, introduced by ?, & or whitespace (a stray space or newline instead of &), or by = . */
	private static final Pattern PARAMETER_NAME = Pattern.compile("(?:^|(?<=[?&=\\s]))([^=?&\\s]+)\\s*=");

	private static final Pattern LOOSE_USER_INFO_PASSWORD = Pattern.compile("(?<=:)[^\\s:@/?&#=]+(?=@)");

	private static final Pattern NEXT_PARAMETER = Pattern.compile("[&\\s](?=[A-Za-z_][A-Za-z0-9_.%-]*\\s*=)");

	/** The start of a value as an encoded URL writes it. */
	private static final Pattern ENCODED_PREFIX = Pattern.compile("[A-Za-z0-9%._~+-]+");

	/** A user name in the user info: a password's ':' cannot come after any of these. */
	private static final Pattern USER_NAME = Pattern.compile("[^@/?&=#\\s]*");

	/** After a host's ':', a port rather than a password. */
	private static final Pattern PORT = Pattern.compile("\\d{1,5}(?:[/,?#]|$)");

	/** The schemes of the accepted forms, so that the user info is found even after a mangled "//". */
	private static final Pattern KNOWN_SCHEME = Pattern.compile("\\s*(?:jdbc:)?(?:r2dbcs?:)?(?:pool:)?"
			+ "postgres(?:ql)?(?:\\+[A-Za-z0-9]+)?:(?:failover:)?[/\\\\\\s]*", Pattern.CASE_INSENSITIVE);

	private static final Pattern ANY_SCHEME = Pattern.compile("\\s*[A-Za-z][A-Za-z0-9+.-]*:[/\\\\\\s]*");

	private static final Pattern PERCENT_ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

	private Secrets() {
	}

	/**
	 * Whether a parameter or option of this name holds a secret: any name that mentions a password, even misspelled
	 * ("pass", "word", "pwd"), or a secret.
	 */
	public static boolean isSecret(String name) {
		String lowerCase = name.toLowerCase(Locale.ROOT);
		return SECRET_NAME_PARTS.stream().anyMatch(lowerCase::contains);
	}

	/**
	 * The URL with its user-info password and the values of secret query parameters replaced by {@link #MASK}.
	 * Works on any input, parseable or not, and errs on the side of hiding too much: parameter names are
	 * percent-decoded before they are judged, a secret value runs to the next {@code &} (or to whitespace before
	 * another {@code name=}), and the user info is taken to end at the last {@code @} that can belong to it.
	 */
	public static @Nullable String mask(@Nullable String url) {
		if (url == null) {
			return null;
		}
		List<String> found = new ArrayList<>();
		String masked = maskQuery(maskUserInfo(url, found), found);
		// whatever the structure looked like: text between a ':' and an '@' that a URL could not hold unencoded
		Matcher loose = LOOSE_USER_INFO_PASSWORD.matcher(masked);
		while (loose.find()) {
			found.add(loose.group());
		}
		// a secret found once is hidden wherever else it appears (a URL pasted twice, a mangled copy)
		return maskKnown(loose.replaceAll(MASK), found);
	}

	/**
	 * Hides everything from the first ':' after a user name to the last '@': with an unencoded password, any other
	 * '@' may be part of it, so hiding a query value as well is the safe mistake.
	 */
	private static String maskUserInfo(String url, List<String> found) {
		// no recognizable scheme: the scheme is hidden along with the password
		int authorityStart = Math.max(authorityStart(url), 0);
		int passwordStart = url.indexOf(':', authorityStart);
		if (passwordStart < 0 || !USER_NAME.matcher(url).region(authorityStart, passwordStart).matches()
				|| PORT.matcher(url).region(passwordStart + 1, url.length()).lookingAt()) {
			return url;
		}
		int userInfoEnd = url.lastIndexOf('@');
		if (userInfoEnd < passwordStart) {
			return url;
		}
		String userInfoPassword = url.substring(passwordStart + 1, userInfoEnd);
		found.add(userInfoPassword);
		// with several '@', the text up to the first is the likeliest password, and may be repeated elsewhere
		found.add(userInfoPassword.split("@", 2)[0]);
		return url.substring(0, passwordStart + 1) + MASK + url.substring(userInfoEnd);
	}

	/** Where the authority starts: after the scheme and its slashes, even when a slash is missing or mangled. */
	private static int authorityStart(String url) {
		Matcher knownScheme = KNOWN_SCHEME.matcher(url);
		if (knownScheme.lookingAt()) {
			return knownScheme.end();
		}
		int slashes = url.indexOf("//");
		if (slashes >= 0) {
			return slashes + 2;
		}
		Matcher anyScheme = ANY_SCHEME.matcher(url);
		return anyScheme.lookingAt() ? anyScheme.end() : -1;
	}

	private static String maskQuery(String url, List<String> found) {
		StringBuilder masked = new StringBuilder();
		Matcher name = PARAMETER_NAME.matcher(url);
		int copied = 0;
		int searchFrom = 0;
		while (searchFrom < url.length() && name.find(searchFrom)) {
			searchFrom = name.end();
			if (isSecret(lenientPercentDecode(name.group(1)))) {
				int valueEnd = valueEnd(url, name.end());
				String value = url.substring(name.end(), valueEnd);
				found.add(value);
				// the value may run on into a message's next words or into mangled text: its plain start also counts
				found.add(value.strip().split("\\s", 2)[0]);
				Matcher encoded = ENCODED_PREFIX.matcher(value);
				if (encoded.lookingAt()) {
					found.add(encoded.group());
				}
				masked.append(url, copied, name.end()).append(MASK);
				copied = valueEnd;
				searchFrom = valueEnd;
			}
		}
		return masked.append(url, copied, url.length()).toString();
	}

	/** A secret value runs to the next '&' or whitespace that starts another name=value, or to the end. */
	private static int valueEnd(String url, int valueStart) {
		Matcher next = NEXT_PARAMETER.matcher(url);
		return next.find(valueStart) ? next.start() : url.length();
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
	public static @Nullable String maskKnown(@Nullable String text, Collection<String> secrets) {
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

	/** The %-escapes' hex digits in lower case; a loop, as a regular expression cost more than all other masking. */
	private static String lowerCaseEscapes(String encoded) {
		char[] characters = encoded.toCharArray();
		for (int i = 0; i + 2 < characters.length; i++) {
			if (characters[i] == '%' && isHexDigit(characters[i + 1]) && isHexDigit(characters[i + 2])) {
				characters[i + 1] = Character.toLowerCase(characters[i + 1]);
				characters[i + 2] = Character.toLowerCase(characters[i + 2]);
				i += 2;
			}
		}
		return new String(characters);
	}

	private static boolean isHexDigit(char character) {
		return (character >= '0' && character <= '9') || (character >= 'A' && character <= 'F')
				|| (character >= 'a' && character <= 'f');
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
