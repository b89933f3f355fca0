package io.github.duality.autoconfigure.session;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationSessionAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationSessionAutoConfiguration.class));

	@Test
	void guardsTheMigrationSessionOfEachToolOnTheClasspath() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(MigrationStopGuard.class)
			.hasBean("dualityLiquibaseSessionPreflight")
			.doesNotHaveBean("dualityFlywaySessionPreflight"));
	}

	@Test
	void backsOffWhenDualityIsDisabled() {
		this.contextRunner.withPropertyValues("duality.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationStopGuard.class)
				.doesNotHaveBean(MigrationSessionPreflight.class));
	}

}
