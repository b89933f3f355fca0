package io.github.duality.autoconfigure.diagnostics;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.r2dbc.spi.R2dbcException;
import org.jspecify.annotations.Nullable;

/**
 * A failure and its causes, outermost first, each once: a chain that loops back on itself ends there.
 */
final class CauseChain {

	private CauseChain() {
	}

	static List<Throwable> of(Throwable failure) {
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

	/** The outermost cause of the given type, or {@code null} when none is. */
	static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
		return of(failure).stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
	}

	/** The message of the innermost cause with one: the driver's or the server's own words. */
	static String innermostMessage(Throwable failure) {
		String message = failure.getClass().getSimpleName();
		for (Throwable cause : of(failure)) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				message = cause.getMessage();
			}
		}
		return message;
	}

	/**
	 * What the driver and the causes under it said, outermost first, each message once: for a failure no
	 * analysis knows, where any of them may be the one that tells.
	 * @param failure the failure
	 * @return e.g. {@code The connection attempt failed. <- Received fatal alert: handshake_failure}
	 */
	static String driverWords(Throwable failure) {
		List<Throwable> chain = of(failure);
		int first = 0;
		while (first < chain.size() && !(chain.get(first) instanceof SQLException)
				&& !(chain.get(first) instanceof R2dbcException)) {
			first++;
		}
		List<String> words = new ArrayList<>();
		for (Throwable cause : chain.subList((first < chain.size()) ? first : 0, chain.size())) {
			String message = (cause.getMessage() != null && !cause.getMessage().isBlank()) ? cause.getMessage()
					: cause.getClass().getSimpleName();
			if (words.stream().noneMatch((said) -> said.contains(message))) {
				words.add(message);
			}
		}
		return String.join(" <- ", words);
	}

}
