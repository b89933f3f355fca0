package io.github.duality.autoconfigure.startup;

import java.time.Duration;

import io.github.duality.autoconfigure.diagnostics.ConnectionFailure;
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
	 * @param target what it connects to, as the core describes a target: endpoint, user and sslmode, no secret
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
				if (!ConnectionFailure.isUnreachable(ex) || waited.plus(backoff).compareTo(this.limit) > 0) {
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
