package io.github.duality.autoconfigure.startup;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Flyway on the class path (the {@code flyway} test execution), its first connection waits too.
 */
class FlywayStartupWaitAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(StartupWaitAutoConfiguration.class))
		.withPropertyValues("duality.startup.wait=60s");

	@Test
	void waitsForEachMigrationToolOnTheClassPath() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("dualityLiquibaseStartupWait")
			.hasBean("dualityFlywayStartupWait"));
	}

	@Test
	void waitsForFlywayAloneWithoutLiquibase() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SpringLiquibase.class))
			.run((context) -> assertThat(context).doesNotHaveBean("dualityLiquibaseStartupWait")
				.hasBean("dualityFlywayStartupWait"));
	}

}
