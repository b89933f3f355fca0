package io.github.duality.autoconfigure.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.duality.autoconfigure.process.ChildApplication;
import io.github.duality.testsupport.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release of {@link OperationsTestApplication} on one database: which change sets it brings (Liquibase contexts),
 * how long its slow change set sleeps, and whether it is one of ours or an instance with plain Liquibase.
 *
 * @param postgres the server
 * @param database the database on it
 * @param contexts {@code v1}, or {@code v1,v2} for the next release
 * @param sleepSeconds how long the slow change set of the release runs; part of its checksum, so every instance
 * of a release uses the same, except after a crash (the change set was never recorded)
 */
record Deployment(TestPostgres postgres, String database, String contexts, int sleepSeconds) {

	static final List<String> V1_CHANGE_SETS = List.of("create-item", "slow-migration", "seed-item");

	static final List<String> V2_CHANGE_SETS = List.of("create-item", "slow-migration", "seed-item",
			"slow-v2-migration", "v2-seed-item");

	/** An instance with the starter: everything derived from one {@code DATABASE_URL}. */
	ChildApplication startDuality(String name) {
		return ChildApplication.start(OperationsTestApplication.class, name,
				Map.of("SPRING_DATASOURCE_URL", this.postgres.databaseUrl(this.database)),
				liquibaseProperties());
	}

	/**
	 * An instance whose application path goes through a pooler in front of the server.
	 * @param name names its log
	 * @param pooledUrl the URL through the pooler, {@code spring.datasource.url}
	 * @param direct whether {@code duality.migration.url} gives the server's own endpoint, without credentials:
	 * they come from the pooled URL
	 */
	ChildApplication startBehindPooler(String name, String pooledUrl, boolean direct) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_DATASOURCE_URL", pooledUrl);
		if (direct) {
			environment.put("DUALITY_MIGRATION_URL", directEndpoint());
		}
		return ChildApplication.start(OperationsTestApplication.class, name, environment, liquibaseProperties());
	}

	/** The server's own endpoint for this database, with TLS and without credentials. */
	String directEndpoint() {
		return "postgresql://" + this.postgres.host() + ":" + this.postgres.port() + "/" + this.database
				+ "?sslmode=verify-full&sslrootcert=" + this.postgres.caCertificate().toAbsolutePath();
	}

	/** Advisory locks held in this database, by anyone. */
	long advisoryLocksHeld() {
		return this.postgres.advisoryLocksHeldIn(this.database);
	}

	/** Whether Liquibase has created its tables here: it has, once any instance took its lock. */
	boolean liquibaseTablesExist() {
		return !this.postgres.queryAsSuperuserIn(this.database, "select 1 from pg_tables "
				+ "where tablename in ('databasechangelog', 'databasechangeloglock')").isEmpty();
	}

	/** An instance of an older release: no Duality, Boot's own URLs, Liquibase's plain table lock. */
	ChildApplication startPlain(String name) {
		String hostAndDatabase = "://" + this.postgres.host() + ":" + this.postgres.port() + "/" + this.database;
		String ca = this.postgres.caCertificate().toAbsolutePath().toString();
		Map<String, String> environment = Map.of(
				"SPRING_LIQUIBASE_URL", "jdbc:postgresql" + hostAndDatabase + "?sslmode=verify-full&sslrootcert=" + ca,
				"SPRING_LIQUIBASE_USER", this.postgres.username(),
				"SPRING_LIQUIBASE_PASSWORD", this.postgres.password(),
				"SPRING_R2DBC_URL", "r2dbc:postgresql" + hostAndDatabase + "?sslMode=verify-full&sslRootCert=" + ca,
				"SPRING_R2DBC_USERNAME", this.postgres.username(), "SPRING_R2DBC_PASSWORD", this.postgres.password());
		Map<String, String> properties = liquibaseProperties();
		properties.put("duality.enabled", "false");
		return ChildApplication.start(OperationsTestApplication.class, name, environment, properties);
	}

	Deployment nextRelease(int sleepSeconds) {
		return new Deployment(this.postgres, this.database, "v1,v2", sleepSeconds);
	}

	Deployment withSleep(int sleepSeconds) {
		return new Deployment(this.postgres, this.database, this.contexts, sleepSeconds);
	}

	/** Whether a session of this database is running a slow change set right now. */
	boolean slowChangeSetRunning() {
		return !this.postgres.queryAsSuperuserIn(this.database, "select pid from pg_stat_activity "
				+ "where datname = current_database() and state = 'active' "
				+ "and (query like 'select pg_sleep%' or query like 'select pg_advisory_lock(4242)%')")
			.isEmpty();
	}

	/**
	 * Holds the slow change sets at their end until the returned gate is closed: the test decides when a migration
	 * finishes, whatever the speed of the machine.
	 */
	AutoCloseable holdSlowChangeSets() throws SQLException {
		Connection gate = this.postgres.connect(this.database);
		try (Statement statement = gate.createStatement()) {
			statement.execute("select pg_advisory_lock(4242)");
		}
		return gate::close;
	}

	/** Every change set of the release is applied, each exactly once, and each insert ran once. */
	void assertAppliedExactlyOnce(List<String> changeSets) {
		List<Object> applied = this.postgres
			.queryAsSuperuserIn(this.database, "select id from databasechangelog order by orderexecuted")
			.stream()
			.map((row) -> row.get("id"))
			.toList();
		assertThat(applied).containsExactlyElementsOf(changeSets);
		assertThat(this.postgres.queryAsSuperuserIn(this.database, "select count(*) as rows from item"))
			.singleElement()
			.extracting((row) -> ((Number) row.get("rows")).intValue())
			.isEqualTo(changeSets.contains("v2-seed-item") ? 2 : 1);
		assertThat(this.postgres.queryAsSuperuserIn(this.database, "select locked from databasechangeloglock"))
			.singleElement()
			.extracting((row) -> row.get("locked"))
			.as("lock row released")
			.isEqualTo(false);
	}

	private Map<String, String> liquibaseProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.liquibase.change-log", "classpath:db/operations/changelog.yaml");
		properties.put("spring.liquibase.contexts", this.contexts);
		properties.put("spring.liquibase.parameters.sleepSeconds", Integer.toString(this.sleepSeconds));
		return properties;
	}

}
