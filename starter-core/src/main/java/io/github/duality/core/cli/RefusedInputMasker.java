package io.github.duality.core.cli;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.duality.core.Parameter;
import io.github.duality.core.ParameterFamily;
import io.github.duality.core.Secrets;

/**
 * Masks an input that was refused, so that {@code explain} can repeat it back. A refused input has no trustworthy
 * structure (a password may hold an unencoded {@code @}, {@code /}, {@code ?} or {@code &}, a {@code //} may be
 * mistyped, a parameter name misspelt), so this errs on the side of hiding too much:
 * <ul>
 * <li>everything from the first {@code :} after {@code //} (or after the start, when there is no {@code //}) to the
 * last {@code @};</li>
 * <li>the value of every parameter that is not a known, non-secret one: a misspelt {@code pasword=} is unknown. A
 * value ends only where {@code &} or whitespace is followed by another {@code name=}.</li>
 * </ul>
 */
final class RefusedInputMasker {

	private static final Pattern PARAMETER_NAME = Pattern.compile("(?:^|(?<=[?&\\s]))([^=?&\\s]+)=");

	private static final Pattern NEXT_PARAMETER = Pattern.compile("[&\\s](?=[A-Za-z_][A-Za-z0-9_.%-]*=)");

	private static final Pattern PERCENT_ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");

	/** Names whose values are safe to show, lower case: every parameter the table knows, except secrets. */
	private static final Set<String> SHOWN_NAMES = Parameter.table()
		.stream()
		.flatMap((parameter) -> Stream.of(ParameterFamily.values()).flatMap((family) -> parameter.names(family).stream()))
		.filter((name) -> !Secrets.isSecret(name))
		.map((name) -> name.toLowerCase(Locale.ROOT))
		.collect(Collectors.toUnmodifiableSet());

	private RefusedInputMasker() {
	}

	static String mask(String input) {
		return maskParameterValues(maskUserInfoPassword(input));
	}

	private static String maskUserInfoPassword(String input) {
		int authority = input.indexOf("//");
		int passwordStart = input.indexOf(':', (authority < 0) ? 0 : authority + 2);
		int userInfoEnd = input.lastIndexOf('@');
		if (passwordStart < 0 || userInfoEnd < passwordStart) {
			return input;
		}
		return input.substring(0, passwordStart + 1) + Secrets.MASK + input.substring(userInfoEnd);
	}

	private static String maskParameterValues(String input) {
		StringBuilder masked = new StringBuilder();
		Matcher name = PARAMETER_NAME.matcher(input);
		int copied = 0;
		int searchFrom = 0;
		while (name.find(searchFrom)) {
			Matcher next = NEXT_PARAMETER.matcher(input);
			int valueEnd = next.find(name.end()) ? next.start() : input.length();
			if (!SHOWN_NAMES.contains(lenientPercentDecode(name.group(1)).toLowerCase(Locale.ROOT))) {
				masked.append(input, copied, name.end()).append(Secrets.MASK);
				copied = valueEnd;
			}
			searchFrom = valueEnd;
		}
		return masked.append(input, copied, input.length()).toString();
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

}
