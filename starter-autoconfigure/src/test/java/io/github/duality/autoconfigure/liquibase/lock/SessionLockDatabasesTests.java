package io.github.duality.autoconfigure.liquibase.lock;

import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.exception.DatabaseException;
import liquibase.lockservice.StandardLockService;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the lock service and the change-log history service share: which runs they take, at which priority, and the
 * JDBC connection they lock on.
 */
class SessionLockDatabasesTests {

	private final PostgresSessionLockService lockService = new PostgresSessionLockService();

	private final PostgresSessionChangeLogHistoryService historyService = new PostgresSessionChangeLogHistoryService();

	@Test
	void bothServicesTakeOptedInPostgresRunsOnly() throws DatabaseException {
		Database optedIn = offline("postgresql");
		Database notOptedIn = offline("postgresql");
		Database otherDatabase = offline("h2");
		SessionLockDatabases.optIn(optedIn);
		SessionLockDatabases.optIn(otherDatabase);
		assertThat(this.lockService.supports(optedIn)).isTrue();
		assertThat(this.historyService.supports(optedIn)).isTrue();
		assertThat(this.lockService.supports(notOptedIn)).isFalse();
		assertThat(this.historyService.supports(notOptedIn)).isFalse();
		assertThat(this.lockService.supports(otherDatabase)).isFalse();
		assertThat(this.historyService.supports(otherDatabase)).isFalse();
	}

	@Test
	void bothServicesRankAboveLiquibasesOwn() {
		assertThat(this.lockService.getPriority()).isEqualTo(this.historyService.getPriority())
			.isGreaterThan(new StandardLockService().getPriority());
	}

	@Test
	void aConnectionThatIsNotJdbcIsRefused() throws DatabaseException {
		Database offline = offline("postgresql");
		assertThatExceptionOfType(DatabaseException.class)
			.isThrownBy(() -> SessionLockDatabases.jdbcConnection(offline))
			.withMessageStartingWith("Not a JDBC connection: ");
	}

	private static Database offline(String database) throws DatabaseException {
		return DatabaseFactory.getInstance()
			.openDatabase("offline:" + database, null, null, null, new ClassLoaderResourceAccessor());
	}

}
