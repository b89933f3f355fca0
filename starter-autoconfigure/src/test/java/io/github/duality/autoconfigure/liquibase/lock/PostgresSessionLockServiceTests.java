package io.github.duality.autoconfigure.liquibase.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.duality.testsupport.TestPostgres;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.lockservice.StandardLockService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PostgresSessionLockService} as Liquibase finds it, against lock rows left in every state: set by a live
 * session, by a session that has ended, and by plain Liquibase.
 */
class PostgresSessionLockServiceTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final String DATABASE = "ops_lock_service";

	@BeforeAll
	static void createDatabase() {
		postgres.createDatabase(DATABASE);
	}

	@Test
	void liquibaseUsesThePlainLockForRunsThatAreNotOptedIn() throws Exception {
		try (Connection connection = connect()) {
			Database database = liquibaseDatabase(connection);
			LockService lockService = LockServiceFactory.getInstance().getLockService(database);
			assertThat(lockService).isExactlyInstanceOf(StandardLockService.class);
		}
	}

	@Test
	void rowOfALiveSessionIsRespectedAndARowOfAnEndedOneIsCleared() throws Exception {
		try (Connection migration = connect()) {
			LockService lockService = optedInLockService(migration);
			assertThat(lockService).isInstanceOf(PostgresSessionLockService.class);
			lockService.init();
			try (Connection other = connect()) {
				setLockRow(other, "other-host (Duality session " + pid(other) + " since " + sessionStart(other) + ")");
				assertThat(lockService.acquireLock()).as("row of a live session").isFalse();
			}
			awaitNoSession(sessionOfLockRow());
			assertThat(lockService.acquireLock()).as("row of an ended session").isTrue();
			assertThat(lockRow()).startsWith("locked by ").contains("(Duality session " + pid(migration) + " since ");
			lockService.releaseLock();
			assertThat(lockRow()).isEqualTo("free");
		}
	}

	@Test
	void rowOfPlainLiquibaseIsRespected() throws Exception {
		try (Connection migration = connect(); Connection other = connect()) {
			LockService lockService = optedInLockService(migration);
			lockService.init();
			setLockRow(other, "old-host (10.0.0.7)");
			try {
				assertThat(lockService.acquireLock()).isFalse();
			}
			finally {
				setLockRow(other, null);
			}
			assertThat(lockService.acquireLock()).isTrue();
			lockService.releaseLock();
		}
	}

	private static LockService optedInLockService(Connection connection) throws Exception {
		Database database = liquibaseDatabase(connection);
		SessionLockDatabases.optIn(database);
		return LockServiceFactory.getInstance().getLockService(database);
	}

	private static Database liquibaseDatabase(Connection connection) throws Exception {
		return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
	}

	private static void setLockRow(Connection connection, String lockedBy) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("update databasechangeloglock set locked = ?, "
				+ "lockedby = ?, lockgranted = case when ? then now() end where id = 1")) {
			statement.setBoolean(1, lockedBy != null);
			statement.setString(2, lockedBy);
			statement.setBoolean(3, lockedBy != null);
			statement.executeUpdate();
		}
	}

	private static String lockRow() {
		var row = postgres.queryAsSuperuserIn(DATABASE, "select locked, lockedby from databasechangeloglock").get(0);
		return Boolean.TRUE.equals(row.get("locked")) ? "locked by " + row.get("lockedby") : "free";
	}

	private static int sessionOfLockRow() {
		String lockedBy = lockRow();
		return Integer.parseInt(lockedBy.replaceAll(".*Duality session (\\d+) .*", "$1"));
	}

	private static void awaitNoSession(int pid) {
		String session = "select 1 from pg_stat_activity where pid = ?";
		for (int attempt = 0; attempt < 100 && !postgres.queryAsSuperuserIn(DATABASE, session, pid).isEmpty();
				attempt++) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static int pid(Connection connection) throws SQLException {
		return (int) queryLong(connection, "select pg_backend_pid()");
	}

	private static long sessionStart(Connection connection) throws SQLException {
		return queryLong(connection, "select (extract(epoch from backend_start) * 1000)::bigint "
				+ "from pg_stat_activity where pid = pg_backend_pid()");
	}

	private static long queryLong(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static Connection connect() throws SQLException {
		return postgres.connect(DATABASE);
	}

}
