package io.github.duality.autoconfigure.startup;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;

import io.r2dbc.spi.R2dbcException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Retries a path's first connection, with backoff, while the server is unreachable or still starting; one INFO line
 * per failed attempt. Any other failure (a wrong password, TLS refused) is not retried: waiting cannot fix it.
 */
final class DatabaseWait {

	private static final Log logger = LogFactory.getLog(DatabaseWait.class);

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

	private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);

	private final Duration limit;

	DatabaseWait(Duration limit) {
		this.limit = limit;
	}

	/**
	 * @param path which path connects, for the log
	 * @param target host, port, database and sslmode, without credentials
	 * @param attempt opens and closes one connection
	 * @throws Exception the last failure, when it is not about reachability or the wait is over
	 */
	void connect(String path, String target, Attempt attempt) throws Exception {
		long start = System.nanoTime();
		Duration backoff = FIRST_BACKOFF;
		for (int number = 1;; number++) {
			try {
				attempt.run();
				if (number > 1) {
					logger.info("Duality: " + path + " reached " + target + " at attempt " + number);
				}
				return;
			}
			catch (Exception ex) {
				Duration waited = Duration.ofNanos(System.nanoTime() - start);
				if (!isUnreachable(ex) || waited.plus(backoff).compareTo(this.limit) > 0) {
					throw ex;
				}
				logger.info("Duality: " + path + " cannot reach " + target + " yet (attempt " + number + ", "
						+ waited.toMillis() / 1000 + "s of duality.startup.wait " + this.limit.toSeconds() + "s): "
						+ reason(ex) + "; retrying in " + backoff.toMillis() + " ms");
				Thread.sleep(backoff.toMillis());
				backoff = (backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0) ? LONGEST_BACKOFF
						: backoff.multipliedBy(2);
			}
		}
	}

	/** Connection refused, no route, no DNS entry yet, a connect timeout, or a server starting or stopping. */
	static boolean isUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
					|| cause instanceof UnknownHostException || cause instanceof SocketTimeoutException) {
				return true;
			}
			String state = (cause instanceof SQLException sql) ? sql.getSQLState()
					: (cause instanceof R2dbcException r2dbc) ? r2dbc.getSqlState() : null;
			// 08: connection exception; 57P01-57P03: the server is shutting down or starting up
			if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
				return true;
			}
		}
		return false;
	}

	/** The driver's own message of the innermost cause; neither driver puts a password in one. */
	private static String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

	@FunctionalInterface
	interface Attempt {

		void run() throws Exception;

	}

}
