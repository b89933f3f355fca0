package io.github.duality.autoconfigure.live;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.duality.autoconfigure.diagnostics.DerivedTargetConnectionException;
import io.github.duality.core.model.InvalidConnectionUrlException;
import io.github.duality.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Flyway application (no liquibase-core) with a bad URL fails as a Liquibase one does: with the failure analysis,
 * before Flyway opens anything, and without the password.
 */
@ExtendWith(OutputCaptureExtension.class)
class FlywayWithoutLiquibaseStartupFailureTests {

	@Test
	void aMisspelledParameterIsExplained(CapturedOutput output) {
		String password = TestPostgres.percentEncode(TestPostgres.get().password());
		assertThatThrownBy(() -> new SpringApplicationBuilder(LiveTestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=postgres://app:" + password + "@localhost/app?sslMode=require"))
			.hasRootCauseInstanceOf(InvalidConnectionUrlException.class);
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Parameter: sslMode")
			.contains("Property:  spring.datasource.url")
			.contains("spring.flyway.url")
			.doesNotContain("FlywayException");
		DualityLiveTests.assertNoPassword(output.getAll());
	}

	@Test
	void aRefusedPasswordIsExplainedForTheFlywayPath(CapturedOutput output) {
		TestPostgres postgres = TestPostgres.get();
		String url = postgres.databaseUrl().replace(TestPostgres.percentEncode(postgres.password()), "not-the-password");
		assertThatThrownBy(() -> new SpringApplicationBuilder(LiveTestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.flyway.locations=classpath:db/migration"));
		String all = output.getAll();
		assertThat(all).contains("APPLICATION FAILED TO START")
			.contains("Duality: the migration path (Flyway) could not connect to PostgreSQL.")
			.contains("refused the password (SQLSTATE 28P01)")
			.contains("Tried:     jdbc:postgresql://" + postgres.host() + ":" + postgres.port() + "/" + postgres.database())
			.contains("Property:  spring.datasource.url");
		FailureOutput.assertAnalysedAfterTheTargets(all);
	}

	/** Flyway's failure carries what the startup line named, as Liquibase's does: nothing is derived again. */
	@Test
	void theFlywayFailureCarriesTheTargetTheStartupLineNamed(CapturedOutput output) {
		TestPostgres postgres = TestPostgres.get();
		String url = postgres.databaseUrl().replace(TestPostgres.percentEncode(postgres.password()), "not-the-password");
		assertThatThrownBy(() -> new SpringApplicationBuilder(LiveTestApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.flyway.locations=classpath:db/migration"))
			.satisfies((ex) -> assertThat(StartupFailureLiveTests.causes(ex))
				.hasAtLeastOneElementOfType(DerivedTargetConnectionException.class));
		Matcher tried = Pattern.compile("Tried: +(.+)").matcher(output.getAll());
		assertThat(tried.find()).isTrue();
		assertThat(output.getAll()).contains("migration path -> " + tried.group(1) + ", Flyway enabled");
	}

}
