package io.github.duality.autoconfigure.slices;

import java.util.Map;

import javax.sql.DataSource;

import io.github.duality.autoconfigure.r2dbc.DerivedR2dbcConnectionDetails;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.r2dbc.test.autoconfigure.DataR2dbcTest;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataR2dbcTest} in a Flyway application (the {@code flyway-without-liquibase} Surefire execution removes
 * liquibase-core from this test's classpath), with only {@code spring.datasource.url} set: Flyway migrates
 * {@code db/migration} over the derived JDBC path, the repository reads through the derived R2DBC connection.
 */
@DataR2dbcTest
@ExtendWith(OutputCaptureExtension.class)
class FlywayWithoutLiquibaseDataR2dbcTests {

	private static final TestPostgres postgres = TestPostgres.get();

	private static final String DATABASE = "slice_flyway";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		postgres.createDatabase(DATABASE);
		registry.add("spring.datasource.url", () -> postgres.databaseUrl(DATABASE));
	}

	@Autowired
	private ThingRepository things;

	@Autowired
	private ApplicationContext context;

	@Test
	void repositoryReadsWhatFlywayMigrated() {
		assertThat(ClassUtils.isPresent("liquibase.integration.spring.SpringLiquibase", null)).isFalse();
		assertThat(this.things.findById(1L).block()).isEqualTo(new Thing(1L, "first"));
		assertThat(this.context.getBeansOfType(DerivedR2dbcConnectionDetails.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(FlywayConnectionDetails.class))
			.containsExactly("dualityFlywayConnectionDetails");
		assertThat(this.context.getBeansOfType(DataSource.class)).isEmpty();
		assertThat(postgres.queryAsSuperuserIn(DATABASE,
				"select count(*) as applied from flyway_schema_history where success"))
			.containsExactly(Map.of("applied", 2L));
		assertThat(postgres.queryAsSuperuserIn(DATABASE, "select count(*) as sessions from pg_stat_activity "
				+ "where datname = ? and application_name = 'PostgreSQL JDBC Driver'", DATABASE))
			.containsExactly(Map.of("sessions", 0L));
	}

	@Test
	void startupLineNamesFlyway(CapturedOutput output) {
		assertThat(output.getAll()).containsPattern(
				"Duality: application path -> r2dbc:postgresql://.*; migration path -> jdbc:postgresql://.*, Flyway enabled");
	}

}
