package io.github.duality.autoconfigure.diagnostics;

import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PoolSettingsFailureAnalyzerTests {

	private final MockEnvironment environment = new MockEnvironment()
		.withProperty("spring.r2dbc.pool.max-size", "2");

	@Test
	void explainsAMaxSizeBelowTheDefaultInitialSize() {
		IllegalArgumentException refused = catchThrowableOfType(IllegalArgumentException.class,
				() -> ConnectionPoolConfiguration
					.builder(ConnectionFactories.get("r2dbc:postgresql://u:p@localhost:5432/x"))
					.maxSize(2)
					.initialSize(10)
					.build());
		FailureAnalysis analysis = new PoolSettingsFailureAnalyzer(this.environment)
			.analyze(new BeanCreationException("connectionFactory", "Failed to instantiate", refused));
		assertThat(analysis.getDescription()).contains("maxSize must be greater than or equal to initialSize")
			.contains("spring.r2dbc.pool.max-size=2")
			.contains("spring.r2dbc.pool.initial-size is not set: Boot's default is 10");
		assertThat(analysis.getAction()).contains("Set spring.r2dbc.pool.initial-size to at most");
	}

	@Test
	void leavesOtherIllegalArgumentsAlone() {
		assertThat(new PoolSettingsFailureAnalyzer(this.environment)
			.analyze(new IllegalArgumentException("maxSize must be greater than or equal to initialSize"))).isNull();
	}

}
