package io.github.duality.autoconfigure.migration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate-and-exit} turns the web server off and makes every bean lazy, over the application's own settings.
 */
class MigrateAndExitEnvironmentPostProcessorTests {

	private final MigrateAndExitEnvironmentPostProcessor postProcessor = new MigrateAndExitEnvironmentPostProcessor();

	@Test
	void migrateAndExitNeitherServesNorCreatesBeansEagerly() {
		MockEnvironment environment = new MockEnvironment().withProperty("duality.migration.mode", "migrate-and-exit")
			.withProperty("spring.main.web-application-type", "reactive");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
	}

	@Test
	void otherModesAndADisabledStarterLeaveTheApplicationAlone() {
		for (MockEnvironment environment : new MockEnvironment[] {
				new MockEnvironment().withProperty("duality.migration.mode", "external"), new MockEnvironment(),
				new MockEnvironment().withProperty("duality.migration.mode", "migrate-and-exit")
					.withProperty("duality.enabled", "false") }) {
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getPropertySources()
				.contains(MigrateAndExitEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		}
	}

}
