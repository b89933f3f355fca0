package io.github.duality.core.model;

import java.util.regex.Pattern;

/**
 * What of the input a message may quote: a misread URL can put part of a password anywhere, and messages end up in
 * logs.
 */
public final class MessageText {

	/** Text safe to repeat in a message: nothing a password needs, such as '@', '%', '&', '?' or a space. */
	private static final Pattern PLAIN = Pattern.compile("[\\p{Alnum}_.,:/+~=-]{1,64}");

	private MessageText() {
	}

	/** A piece of the input quoted for a message, or a placeholder when it is not plain. */
	public static String shown(String text) {
		return PLAIN.matcher(text).matches() ? "'" + text + "'" : "[not shown]";
	}

	/** Whether a name may be repeated in a message and as the parameter of an exception. */
	public static boolean isPlain(String text) {
		return PLAIN.matcher(text).matches();
	}

}
