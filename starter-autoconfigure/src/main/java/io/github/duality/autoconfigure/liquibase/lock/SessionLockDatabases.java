package io.github.duality.autoconfigure.liquibase.lock;

import java.sql.Connection;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.servicelocator.PrioritizedService;

/**
 * The Liquibase databases (one per migration connection) whose runs use {@link PostgresSessionLockService} and
 * {@link PostgresSessionChangeLogHistoryService}. Liquibase instantiates these services itself, for every Liquibase
 * run in the JVM; this opt-in keeps the plain ones for runs that Duality does not configure, such as an application
 * with {@code duality.enabled=false}. Both services answer Liquibase's {@code getPriority()} and
 * {@code supports(Database)} from here.
 */
final class SessionLockDatabases {

	/** Above Liquibase's standard services, so that an opted-in run gets ours. */
	static final int PRIORITY = PrioritizedService.PRIORITY_DATABASE;

	// weak: a database is forgotten with its connection once Liquibase is done with it
	private static final Set<Database> optedIn = Collections
		.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

	private SessionLockDatabases() {
	}

	static void optIn(Database database) {
		optedIn.add(database);
	}

	static boolean isOptedIn(Database database) {
		return optedIn.contains(database);
	}

	/** Whether a run on this database uses the session-lock services: PostgreSQL, and opted in. */
	static boolean supports(Database database) {
		return database instanceof PostgresDatabase && isOptedIn(database);
	}

	/** The JDBC connection under Liquibase's, on which the advisory locks are taken. */
	static Connection jdbcConnection(Database database) throws DatabaseException {
		if (database.getConnection() instanceof JdbcConnection jdbc) {
			return jdbc.getUnderlyingConnection();
		}
		throw new DatabaseException("Not a JDBC connection: " + database.getConnection());
	}

}
