package io.github.duality.autoconfigure.slices;

import java.util.Map;

import javax.sql.DataSource;

import io.github.duality.autoconfigure.r2dbc.DerivedR2dbcConnectionDetails;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataR2dbcTest} as a user writes it, with only {@code spring.datasource.url} set: the slice gets the derived
 * R2DBC connection, and Liquibase migrates the application's change log over the derived JDBC path first. Its own
 * database, so that the change log starts from nothing.
 */
@DataR2dbcTest
@ExtendWith(OutputCaptureExtension.class)
class DataR2dbcTestLiquibaseTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final String DATABASE = "slice_liquibase";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		postgres.createDatabase(DATABASE);
		registry.add("spring.datasource.url", () -> postgres.databaseUrl(DATABASE));
	}

	@Autowired
	private GreetingRepository greetings;

	@Autowired
	private DatabaseClient databaseClient;

	@Autowired
	private ApplicationContext context;

	@Test
	void repositoryReadsWhatLiquibaseMigratedOverTls() {
		assertThat(this.greetings.findByText("hello").map(Greeting::text).collectList().block())
			.containsExactly("hello");
		assertThat(this.context.getBeansOfType(DerivedR2dbcConnectionDetails.class)).hasSize(1);
		assertThat(this.context.getBeansOfType(DataSource.class)).isEmpty();
		// the migration path's safeguards of a full context: its own session (no pooler), the session lock
		assertThat(this.context.containsBean("dualityLiquibaseSessionPreflight")).isTrue();
		assertThat(this.context.containsBean("dualitySessionLockCustomizer")).isTrue();
		String tls = this.databaseClient.sql("select ssl::text from pg_stat_ssl where pid = pg_backend_pid()")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(tls).isEqualTo("true");
		assertThat(postgres.queryAsSuperuserIn(DATABASE,
				"select count(*) as applied, min(author) as author from databasechangelog"))
			.containsExactly(Map.of("applied", 2L, "author", "duality"));
		assertThat(postgres.queryAsSuperuserIn(DATABASE,
				"select tableowner from pg_tables where schemaname = 'public' and tablename = 'greeting'"))
			.containsExactly(Map.of("tableowner", postgres.username()));
	}

	@Test
	void migrationsLeaveNoJdbcSession() {
		assertThat(postgres.queryAsSuperuserIn(DATABASE, "select count(*) as sessions from pg_stat_activity "
				+ "where datname = ? and application_name = 'PostgreSQL JDBC Driver'", DATABASE))
			.containsExactly(Map.of("sessions", 0L));
	}

	@Test
	void startupLineNamesBothDerivedPathsWithoutThePassword(CapturedOutput output) {
		assertThat(output.getAll()).containsPattern(
				"Duality: application path -> r2dbc:postgresql://.*; migration path -> jdbc:postgresql://.*Liquibase");
		assertThat(output.getAll()).doesNotContain(postgres.password(),
				TestPostgres.percentEncode(postgres.password()));
	}

}
