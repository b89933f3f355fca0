package io.github.duality.autoconfigure.diagnostics;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.InvalidDatasourceUrlException;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import io.github.duality.core.DatabaseUrl;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.model.InvalidConnectionUrlException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same inputs through {@link DatabaseUrl#derive}, which {@code explain} runs, and through application startup:
 * both accept the same inputs, with the same targets, and refuse the same ones, with the same problem, through the
 * failure analyzer.
 */
class ExplainAgreesWithStartupTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class))
		.withPropertyValues("spring.liquibase.enabled=false");

	@ParameterizedTest
	@ValueSource(strings = { "postgres://app:pw@db.example.com/shop?sslmode=require&sslpassword=k3ypass",
			"jdbc:postgresql://db.example.com/shop?user=app&sslpassword=k3ypass",
			"r2dbc:postgresql://app@db.example.com/shop?sslPassword=k3ypass",
			"postgres://app:pw@db.example.com/shop?sslmode=require&application_name=a%26b",
			"jdbc:postgresql://db.example.com/shop?user=app&sslmode=verify-full&sslmode=disable",
			"postgres://db.example.com/shop", "postgresql+asyncpg://app@db.example.com/shop?application_name=a+b",
			"r2dbc:postgresql://app@db.example.com/shop?sslMode=verify-ca&sslRootCert=/nonexistent/ca.pem" })
	void explainAndStartupGiveTheSameAnswer(String url) {
		DerivedConnection derived;
		try {
			derived = DatabaseUrl.derive(url, null, null);
		}
		catch (InvalidConnectionUrlException refusal) {
			this.contextRunner.withPropertyValues("spring.datasource.url=" + url).run((context) -> {
				assertThat(context).hasFailed();
				InvalidDatasourceUrlException failure = findCause(context.getStartupFailure());
				assertThat(failure).as("startup fails through the failure analyzer's exception").isNotNull();
				assertThat(failure.getCause().getProblem()).isEqualTo(refusal.getProblem());
				assertThat(failure.getCause().getParameter()).isEqualTo(refusal.getParameter());
				FailureAnalysis analysis = new InvalidDatasourceUrlFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).as("the analysis names no tool the application does not ship with")
					.doesNotContain("java -jar")
					.doesNotContain("mvn ")
					.contains("README, Troubleshooting");
			});
			return;
		}
		this.contextRunner.withPropertyValues("spring.datasource.url=" + url).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(LiquibaseConnectionDetails.class).getJdbcUrl())
				.isEqualTo(derived.migrationJdbc().connectionDetailsUrl());
			assertThat(context.getBean(R2dbcConnectionDetails.class).getConnectionFactoryOptions())
				.hasToString(derived.r2dbc().options().toString());
		});
	}

	private static InvalidDatasourceUrlException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidDatasourceUrlException invalid) {
				return invalid;
			}
		}
		return null;
	}

}
