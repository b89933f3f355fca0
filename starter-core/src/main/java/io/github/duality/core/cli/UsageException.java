package io.github.duality.core.cli;

import java.util.regex.Pattern;

/**
 * The command line itself is wrong (unknown command or flag, too many arguments, nothing to read): exit code 2,
 * usage on standard error.
 */
class UsageException extends Exception {

	/** Words safe to repeat back: anything else may be a URL, and a URL may hold a password. */
	private static final Pattern PLAIN_WORD = Pattern.compile("-{0,2}[A-Za-z][A-Za-z0-9-]{0,40}");

	UsageException(String message) {
		super(message);
	}

	static UsageException unknown(String kind, String argument) {
		return new UsageException(PLAIN_WORD.matcher(argument).matches() ? "unknown " + kind + " '" + argument + "'"
				: "unknown " + kind + " (not repeated here: it may hold a secret)");
	}

}
