package io.github.duality.core.parse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.github.duality.core.model.InvalidConnectionUrlException;
import org.jspecify.annotations.Nullable;

/**
 * Small pieces of URL syntax shared by the parsers.
 */
final class UrlSyntax {

	private UrlSyntax() {
	}

	/** A TCP port, 1 to 65535. */
	static int port(String text, String parameter) {
		try {
			int port = Integer.parseInt(text.trim());
			if (port >= 1 && port <= 65535) {
				return port;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		if (text.contains("@")) {
			// most likely the rest of a password whose '@' was not encoded: not repeated
			throw new InvalidConnectionUrlException("The port is not a number: it holds an '@'.", parameter,
					"Write an '@' in the user name or password as %40.");
		}
		String shown = text.matches("[0-9A-Za-z]{0,12}") ? " '" + text + "'" : "";
		throw new InvalidConnectionUrlException("The port" + shown + " is not a number from 1 to 65535.", parameter,
				"Correct the port.");
	}

	/**
	 * libpq's decoding: {@code %XX} escapes of UTF-8 bytes and nothing else ({@code +} stays {@code +}); a malformed
	 * escape or {@code %00} is an error. The message names {@code what} and never repeats the text, which may be a
	 * password.
	 */
	static String percentDecode(String text, String what, @Nullable String parameter) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				int value = (i + 2 < text.length()) ? hexValue(text.charAt(i + 1), text.charAt(i + 2)) : -1;
				if (value <= 0) {
					throw new InvalidConnectionUrlException("The " + what + " holds a '%' that does not start a valid "
							+ "%XX escape (or escapes a NUL byte).", parameter, "Write a literal '%' as %25.");
				}
				bytes.write(value);
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidConnectionUrlException("The " + what + " decodes to bytes that are not UTF-8.", parameter,
					"Percent-encode the UTF-8 bytes of each non-ASCII character.");
		}
	}

	private static int hexValue(char high, char low) {
		int highValue = Character.digit(high, 16);
		int lowValue = Character.digit(low, 16);
		return (highValue < 0 || lowValue < 0) ? -1 : highValue * 16 + lowValue;
	}

}
