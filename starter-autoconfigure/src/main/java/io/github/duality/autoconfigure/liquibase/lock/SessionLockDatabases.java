package io.github.duality.autoconfigure.liquibase.lock;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import liquibase.database.Database;

/**
 * The Liquibase databases (one per migration connection) whose runs use {@link PostgresSessionLockService}.
 * Liquibase instantiates lock services itself, for every Liquibase run in the JVM; this opt-in keeps the plain
 * table lock for runs that Duality does not configure, such as an application with {@code duality.enabled=false}.
 */
final class SessionLockDatabases {

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

}
