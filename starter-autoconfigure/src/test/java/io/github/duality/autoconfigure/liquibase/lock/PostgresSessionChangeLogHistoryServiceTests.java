package io.github.duality.autoconfigure.liquibase.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.duality.testsupport.TestPostgres;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.StandardChangeLogHistoryService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PostgresSessionChangeLogHistoryService}: two instances initialising the history on an empty database at
 * the same moment. To make "the same moment" certain, a third session holds an uncommitted {@code CREATE TABLE} of
 * the change-log table: plain Liquibase then has both instances find no table and queue their own {@code CREATE},
 * the second of which fails once the first commits.
 */
class PostgresSessionChangeLogHistoryServiceTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final String DATABASE = "ops_changelog_history";

	@BeforeAll
	static void createDatabase() {
		postgres.createDatabase(DATABASE);
	}

	@Test
	void liquibaseUsesThePlainHistoryForRunsThatAreNotOptedIn() throws Exception {
		try (Connection connection = connect()) {
			assertThat(historyService(liquibaseDatabase(connection)))
				.isExactlyInstanceOf(StandardChangeLogHistoryService.class);
		}
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void instancesInitialisingAtOnceOnAnEmptyDatabaseCreateTheTableOnce() throws Exception {
		ExecutorService instances = Executors.newFixedThreadPool(2);
		try (Connection first = connect(); Connection second = connect(); Connection blocker = connect()) {
			List<ChangeLogHistoryService> services = List.of(optedInHistoryService(first),
					optedInHistoryService(second));
			assertThat(services).allMatch(PostgresSessionChangeLogHistoryService.class::isInstance);
			// before the instances start: a connection busy in init() would block this query until the end
			int firstPid = pid(first);
			int secondPid = pid(second);
			holdUncommittedChangeLogTable(blocker);
			List<Future<?>> inits = new ArrayList<>();
			for (ChangeLogHistoryService service : services) {
				inits.add(instances.submit(() -> {
					service.init();
					return null;
				}));
			}
			awaitWaitingOnLocks(firstPid, secondPid);
			blocker.rollback();
			for (Future<?> init : inits) {
				init.get(2, TimeUnit.MINUTES);
			}
			assertThat(postgres.queryAsSuperuserIn(DATABASE,
					"select 1 from pg_class where relname = 'databasechangelog' and relkind = 'r'"))
				.hasSize(1);
		}
		finally {
			instances.shutdownNow();
		}
	}

	private static void holdUncommittedChangeLogTable(Connection blocker) throws SQLException {
		blocker.setAutoCommit(false);
		try (Statement statement = blocker.createStatement()) {
			statement.execute("create table public.databasechangelog (id varchar(255))");
		}
	}

	/** Both sessions past the check for the table (plain Liquibase) or one waiting for the other (ours). */
	private static void awaitWaitingOnLocks(int... pids) throws InterruptedException {
		String waiting = "select count(*) as waiting from pg_stat_activity where wait_event_type = 'Lock' "
				+ "and pid in (?, ?)";
		for (int attempt = 0; attempt < 1200; attempt++) {
			Object count = postgres.queryAsSuperuserIn(DATABASE, waiting, pids[0], pids[1]).get(0).get("waiting");
			if (((Number) count).intValue() == pids.length) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Sessions " + pids[0] + " and " + pids[1] + " never both waited on a lock");
	}

	private static ChangeLogHistoryService optedInHistoryService(Connection connection) throws Exception {
		Database database = liquibaseDatabase(connection);
		SessionLockDatabases.optIn(database);
		return historyService(database);
	}

	private static ChangeLogHistoryService historyService(Database database) {
		return Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database);
	}

	private static Database liquibaseDatabase(Connection connection) throws Exception {
		return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
	}

	private static int pid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				var result = statement.executeQuery("select pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static Connection connect() throws SQLException {
		return postgres.connect(DATABASE);
	}

}
