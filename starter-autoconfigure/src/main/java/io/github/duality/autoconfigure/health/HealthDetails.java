package io.github.duality.autoconfigure.health;

/**
 * Secret-free texts for health details.
 */
final class HealthDetails {

	private HealthDetails() {
	}

	/**
	 * A JDBC URL without its query, the only place a pgjdbc URL can hold a password.
	 */
	static String withoutQuery(String jdbcUrl) {
		if (jdbcUrl == null) {
			return null;
		}
		int query = jdbcUrl.indexOf('?');
		return (query < 0) ? jdbcUrl : jdbcUrl.substring(0, query);
	}

	/**
	 * The driver's own message, without a stack trace. Neither driver puts the password in its messages.
	 */
	static String message(Throwable ex) {
		String message = ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

}
