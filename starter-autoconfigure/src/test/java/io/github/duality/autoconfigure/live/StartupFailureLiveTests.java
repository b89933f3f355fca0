package io.github.duality.autoconfigure.live;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.duality.autoconfigure.InvalidDatasourceUrlException;
import io.github.duality.autoconfigure.UnresolvedDatasourcePropertyException;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input never starts the application: Boot's failure analysis names the problem, the parameter, the property
 * with its origin and the fix, and the password appears nowhere in the output.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureLiveTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:postgresql://localhost/app?sslMode=require&password=PASSWORD | sslMode | Did you mean 'sslmode'
			postgres://app:PASSWORD@localhost/app?sslfactory=org.example.TrustAll | sslfactory | sslfactory
			postgres://someone-else:PASSWORD@localhost/app | user | app
			r2dbc:postgresql://app:PASSWORD@localhost:99999/app | port | 1 to 65535
			postgresql+asyncpg://app:PASSWORD@localhost:70000/app | port | 1 to 65535
			""")
	void failureAnalysisNamesTheParameterAndHidesThePassword(String urlTemplate, String parameter, String hint,
			CapturedOutput output) {
		String url = urlTemplate.replace("PASSWORD", TestPostgres.percentEncode(TestPostgres.get().password()));
		assertThatThrownBy(() -> start(url)).hasRootCauseInstanceOf(InvalidConnectionUrlException.class)
			.satisfies((ex) -> assertThat(causes(ex)).hasAtLeastOneElementOfType(InvalidDatasourceUrlException.class))
			.satisfies((ex) -> DualityLiveTests.assertNoPassword(stackTrace(ex)));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Parameter: " + parameter)
			.contains("Property:  spring.datasource")
			.contains("Origin:")
			.contains(hint)
			.contains("Action:");
		DualityLiveTests.assertNoPassword(output.getAll());
	}

	@Test
	void anUnsetDatabaseUrlVariableIsExplained(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(LiveTestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=${DUALITY_TEST_NEVER_SET_URL}"))
			.hasRootCauseInstanceOf(UnresolvedDatasourcePropertyException.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("spring.datasource.url is '${DUALITY_TEST_NEVER_SET_URL}'")
			.contains("commandLineArgs")
			.contains("Set the missing environment variable");
	}

	@Test
	void invalidPoolSettingsAreExplained(CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(LiveTestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + TestPostgres.get().databaseUrl(), "--spring.r2dbc.pool.max-size=2"))
			.hasRootCauseInstanceOf(IllegalArgumentException.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("the application path's R2DBC pool settings are invalid: maxSize must be greater than or equal "
					+ "to initialSize")
			.contains("spring.r2dbc.pool.max-size=2 (\"spring.r2dbc.pool.max-size\" from property source "
					+ "\"commandLineArgs\")")
			.contains("spring.r2dbc.pool.initial-size is not set: Boot's default is 10")
			.contains("Set spring.r2dbc.pool.initial-size to at most spring.r2dbc.pool.max-size");
		FailureOutput.assertAnalysed(output.getAll());
	}

	@Test
	void aLockHeldForTheWholeWaitIsExplained(CapturedOutput output) throws SQLException {
		TestPostgres postgres = TestPostgres.get();
		postgres.createDatabase("lock_wait_exceeded");
		String url = postgres.databaseUrl("lock_wait_exceeded");
		// as an instance with Liquibase's plain lock leaves it mid-migration; change sets are pending
		try (Connection connection = postgres.connect("lock_wait_exceeded");
				Statement statement = connection.createStatement()) {
			statement.execute("create table databasechangeloglock (id integer primary key, locked boolean not null, "
					+ "lockgranted timestamp, lockedby varchar(255))");
			statement.execute("insert into databasechangeloglock values (1, true, now(), 'old-host (10.0.0.7)')");
		}
		System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "0");
		try {
			assertThatThrownBy(() -> new SpringApplicationBuilder(LiveTestApplication.class)
				.web(WebApplicationType.NONE)
				.run("--spring.datasource.url=" + url));
		}
		finally {
			System.clearProperty("liquibase.changelogLockWaitTimeInMinutes");
		}
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Duality: the migration path (Liquibase) did not get the Liquibase change-log lock.")
			.contains("'old-host (10.0.0.7)'")
			.contains("Tried:     jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/lock_wait_exceeded")
			.contains("liquibase.changelogLockWaitTimeInMinutes")
			.contains("pg_terminate_backend");
		FailureOutput.assertAnalysed(output.getAll());
	}

	static List<Throwable> causes(Throwable ex) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private static String stackTrace(Throwable ex) {
		StringWriter trace = new StringWriter();
		ex.printStackTrace(new PrintWriter(trace));
		return trace.toString();
	}

	private static void start(String url) {
		new SpringApplicationBuilder(LiveTestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=app");
	}

}
