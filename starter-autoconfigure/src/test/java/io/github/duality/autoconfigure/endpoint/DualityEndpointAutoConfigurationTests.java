package io.github.duality.autoconfigure.endpoint;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wiring of the endpoint sanitizing.
 */
class DualityEndpointAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DualityEndpointAutoConfiguration.class));

	@Test
	void contributesTheSanitizingFunction() {
		this.contextRunner.run((context) -> assertThat(context).getBean(SanitizingFunction.class)
			.isInstanceOf(PostgresUrlSanitizingFunction.class));
	}

	@Test
	void needsTheActuator() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PostgresUrlSanitizingFunction.class));
	}

	@Test
	void isOffWithTheStarter() {
		this.contextRunner.withPropertyValues("duality.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PostgresUrlSanitizingFunction.class));
	}

}
