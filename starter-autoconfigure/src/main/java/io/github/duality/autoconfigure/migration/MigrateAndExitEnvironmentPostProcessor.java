package io.github.duality.autoconfigure.migration;

import java.util.Map;

import io.github.duality.autoconfigure.MigrationMode;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * For {@code duality.migration.mode=migrate-and-exit}: no web server, and every bean lazy, so that nothing but the
 * migration tools is created (no reactive pool, no application bean that might use one);
 * {@link MigrateAndExitListener} then runs the migrations and exits. Takes precedence over the application's own
 * {@code spring.main.*}: a migration Job must not serve, whatever the application is configured to do.
 */
public class MigrateAndExitEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "dualityMigrateAndExit";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("duality.enabled", Boolean.class, true)
				&& MigrationMode.of(environment) == MigrationMode.MIGRATE_AND_EXIT) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("spring.main.web-application-type",
						"none", "spring.main.lazy-initialization", true)));
		}
	}

}
