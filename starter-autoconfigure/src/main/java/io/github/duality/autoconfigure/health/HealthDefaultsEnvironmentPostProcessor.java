package io.github.duality.autoconfigure.health;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Boot's own {@code r2dbc} health indicator off by default, because the {@code database} contributor's
 * {@code application} component checks the same pool, with more detail. The default has the lowest precedence:
 * {@code management.health.r2dbc.enabled=true} brings Boot's indicator back, and it stays on when Duality or its
 * {@code database} indicator is disabled.
 */
public class HealthDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "dualityHealthDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (isEnabled(environment, "duality.enabled") && isEnabled(environment, "management.health.database.enabled")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("management.health.r2dbc.enabled", false)));
		}
	}

	private static boolean isEnabled(ConfigurableEnvironment environment, String property) {
		return environment.getProperty(property, Boolean.class, true);
	}

}
