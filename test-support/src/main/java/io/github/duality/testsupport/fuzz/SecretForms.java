package io.github.duality.testsupport.fuzz;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A password worth hiding, and every spelling of it that a careless renderer could print.
 */
public final class SecretForms {

	/** Every character that means something in a URL, a space, and non-ASCII. */
	public static final String HOSTILE_PASSWORD = "p@ss:w/rd?&=%+ #é";

	/** {@link #HOSTILE_PASSWORD} as it must be written in a URL. */
	public static final String HOSTILE_PASSWORD_ENCODED = percentEncode(HOSTILE_PASSWORD);

	/** Shorter secrets are too likely to occur in the text by chance (a host name, a parameter value). */
	private static final int MEANINGFUL_LENGTH = 8;

	private SecretForms() {
	}

	/**
	 * The raw secret, its percent-encoded forms (upper and lower case hex), its form encoding ({@code +} for space)
	 * and the result of wrongly decoding its {@code +} as a space; none when the secret is too short to mean
	 * anything.
	 */
	public static Set<String> of(CharSequence secret) {
		Set<String> forms = new LinkedHashSet<>();
		if (secret == null || secret.length() < MEANINGFUL_LENGTH) {
			return forms;
		}
		String raw = secret.toString();
		forms.add(raw);
		forms.add(raw.replace('+', ' '));
		forms.add(percentEncode(raw));
		forms.add(percentEncode(raw, "%%%02x"));
		forms.add(URLEncoder.encode(raw, StandardCharsets.UTF_8));
		return forms;
	}

	/** Percent-decode a URL component ({@code +} stays a plus, as in a URL path or user info). */
	public static String decode(String encoded) {
		return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	/** Percent-encode every UTF-8 byte that is not an RFC 3986 unreserved character. */
	public static String percentEncode(String text) {
		return percentEncode(text, "%%%02X");
	}

	private static String percentEncode(String text, String escapeFormat) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append(String.format(escapeFormat, (int) c));
			}
		}
		return encoded.toString();
	}

}
