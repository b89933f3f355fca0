package io.github.duality.autoconfigure.r2dbc;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults for {@code spring.r2dbc.pool.*} that let the application ride out a database restart, at the lowest
 * precedence so that every value the user sets wins. Boot's own defaults (one acquire retry, no time limits) turn a
 * restart into failed requests and DOWN health until the dead connections are used up; README, "Operations",
 * has the measurements behind each value.
 */
public class PoolDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "dualityR2dbcPoolDefaults";

	private static final String POOL = "spring.r2dbc.pool.";

	// Boot's default max-size
	private static final int DEFAULT_MAX_SIZE = 10;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("duality.enabled", Boolean.class, true)) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		// a connection found dead on acquire is discarded and the next one tried: after a restart every idle
		// connection of the pool may be dead, so retry as often as the pool can hold connections
		defaults.put(POOL + "acquire-retry",
				environment.getProperty(POOL + "max-size", Integer.class, DEFAULT_MAX_SIZE));
		// a request fails after this rather than waiting without limit behind slow queries or an unreachable server
		defaults.put(POOL + "max-acquire-time", "5s");
		// a connect that hangs (a host that drops packets) is abandoned, not waited for for minutes
		defaults.put(POOL + "max-create-connection-time", "5s");
		// connections are renewed, so that after a failover or a restart the pool does not keep old sessions forever
		defaults.put(POOL + "max-life-time", "30m");
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

}
