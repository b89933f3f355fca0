package io.github.duality.autoconfigure.startup;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class StartupWaitAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(StartupWaitAutoConfiguration.class));

	@Test
	void waitsOnBothPathsWhenConfigured() {
		this.contextRunner.withPropertyValues("duality.startup.wait=60s")
			.run((context) -> assertThat(context).hasBean("dualityLiquibaseStartupWait")
				.doesNotHaveBean("dualityFlywayStartupWait")
				.hasSingleBean(ApplicationStartupWait.class));
	}

	@Test
	void doesNotWaitByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationStartupWait.class)
			.doesNotHaveBean(ApplicationStartupWait.class));
	}

	@Test
	void doesNotWaitWhenDualityIsDisabled() {
		this.contextRunner.withPropertyValues("duality.startup.wait=60s", "duality.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationStartupWait.class)
				.doesNotHaveBean(ApplicationStartupWait.class));
	}

}
