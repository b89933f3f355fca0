package io.github.duality.autoconfigure.diagnostics;

import java.util.ArrayList;
import java.util.List;

import io.github.duality.autoconfigure.DualityAutoConfiguration;
import io.github.duality.autoconfigure.jdbc.DualityJdbcAutoConfiguration;
import io.github.duality.autoconfigure.liquibase.DualityLiquibaseAutoConfiguration;
import io.github.duality.autoconfigure.r2dbc.DualityR2dbcAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UnresolvedDatasourceUrlFailureAnalyzer}: a placeholder without a value in the URL, or a {@code ${} in a
 * password, is explained without quoting the password, there or anywhere in the failure.
 */
class UnresolvedDatasourceUrlFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityAutoConfiguration.class, DualityR2dbcAutoConfiguration.class,
				DualityJdbcAutoConfiguration.class, DualityLiquibaseAutoConfiguration.class, R2dbcAutoConfiguration.class,
				LiquibaseAutoConfiguration.class))
		.withPropertyValues("spring.liquibase.enabled=false");

	@Test
	void namesTheMissingEnvironmentVariable() {
		this.contextRunner.withPropertyValues("spring.datasource.url=${DUALITY_TEST_UNSET_URL}").run((context) -> {
			FailureAnalysis analysis = new UnresolvedDatasourceUrlFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).startsWith("spring.datasource.url is '${DUALITY_TEST_UNSET_URL}'")
				.endsWith("the placeholder ${DUALITY_TEST_UNSET_URL} in it has no value.");
		});
	}

	@Test
	void masksAPasswordInTheUrlThatLooksLikeAPlaceholder() {
		this.contextRunner.withPropertyValues("spring.datasource.url=postgres://app:s3cret${x}pw@db.example.com/shop")
			.run((context) -> {
				FailureAnalysis analysis = new UnresolvedDatasourceUrlFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("db.example.com/shop").contains("a placeholder in it");
				assertThat(printed(analysis, context.getStartupFailure())).noneMatch((text) -> text.contains("s3cret"));
			});
	}

	@Test
	void neverQuotesAPasswordThatLooksLikeAPlaceholder() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=postgres://app@db.example.com/shop",
					"spring.datasource.password=s3cret${duality.test.unset}pw")
			.run((context) -> {
				FailureAnalysis analysis = new UnresolvedDatasourceUrlFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).startsWith("spring.datasource.password ");
				assertThat(analysis.getAction()).contains("'\\${'");
				assertThat(printed(analysis, context.getStartupFailure())).noneMatch((text) -> text.contains("s3cret"));
			});
	}

	@Test
	void escapedPlaceholderInAPasswordIsTakenLiterally() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=postgres://app@db.example.com/shop",
					"spring.datasource.password=s3cret\\${pw}")
			.run((context) -> assertThat(context.getBean(LiquibaseConnectionDetails.class).getPassword())
				.isEqualTo("s3cret${pw}"));
	}

	private static List<String> printed(FailureAnalysis analysis, Throwable failure) {
		List<String> printed = new ArrayList<>(List.of(analysis.getDescription(), analysis.getAction()));
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			printed.add(cause.toString());
		}
		return printed;
	}

}
