package io.github.duality.autoconfigure.health;

/**
 * Secret-free texts for health details.
 */
final class HealthDetails {

	private HealthDetails() {
	}

	/**
	 * The driver's own message and, when it differs, its root cause's ("Connection refused" often is only
	 * there), without a stack trace. Neither driver puts the password in its messages.
	 */
	static String message(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = describe(ex);
		String rootMessage = describe(root);
		return (root == ex || message.contains(rootMessage)) ? message : message + ": " + rootMessage;
	}

	private static String describe(Throwable ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
