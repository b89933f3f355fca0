package io.github.duality.autoconfigure.health;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Keeps pgjdbc's own log records of a health check's connection attempt out of the log: a host its certificate
 * does not name is logged at SEVERE (an ERROR once bridged to SLF4J) on every attempt, and the health component
 * already reports the cause in its details. Only the health check's threads are silenced (the driver's login
 * thread inherits the mark); the migrations' own connections log as before.
 */
final class QuietDriverLogging {

	/** pgjdbc's loggers that log a failed connection attempt at WARNING or SEVERE. */
	private static final List<String> DRIVER_LOGGERS = List.of("org.postgresql.Driver",
			"org.postgresql.ssl.PGjdbcHostnameVerifier", "org.postgresql.core.v3.ConnectionFactoryImpl");

	private static final InheritableThreadLocal<Boolean> checking = new InheritableThreadLocal<>();

	/** Strong references: java.util.logging holds loggers weakly, and a collected one would lose its filter. */
	private static final List<Logger> quieted = new ArrayList<>();

	private QuietDriverLogging() {
	}

	/** Runs a health check with the driver's log records of its threads dropped. */
	static <T> T call(Callable<T> check) throws Exception {
		install();
		checking.set(Boolean.TRUE);
		try {
			return check.call();
		}
		finally {
			checking.remove();
		}
	}

	private static synchronized void install() {
		if (!quieted.isEmpty()) {
			return;
		}
		for (String name : DRIVER_LOGGERS) {
			Logger logger = Logger.getLogger(name);
			Filter previous = logger.getFilter();
			logger.setFilter((record) -> checking.get() == null && (previous == null || previous.isLoggable(record)));
			quieted.add(logger);
		}
	}

}
