package io.github.duality.autoconfigure.diagnostics;

import java.util.ArrayList;
import java.util.List;

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

}
