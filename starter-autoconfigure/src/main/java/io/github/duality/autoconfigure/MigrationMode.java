package io.github.duality.autoconfigure;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * When the migration tools (Liquibase, Flyway) run: {@code duality.migration.mode}.
 */
public enum MigrationMode {

	/** At every startup, before the application serves: one shape for a single instance or a small fleet. */
	STARTUP,

	/**
	 * Migrate over the JDBC path and exit, 0 when every migration succeeded: for a Kubernetes Job or init container.
	 * No web server, no reactive pool, none of the application's runners.
	 */
	MIGRATE_AND_EXIT,

	/** Never migrate: a separate Job does, and the migration health reports what is pending until it has. */
	EXTERNAL;

	/** The property that sets the mode, for messages. */
	public static final String PROPERTY = DualityProperties.PREFIX + ".migration.mode";

	/**
	 * The mode the environment asks for, with the relaxed spellings of Boot's binder.
	 * @param environment the application's environment
	 * @return the mode, {@link DualityProperties}' default when unset
	 */
	public static MigrationMode of(Environment environment) {
		// the enum alone: binding all of duality.migration.* would introspect its class on the startup path
		return Binder.get(environment)
			.bind(PROPERTY, MigrationMode.class)
			.orElseGet(() -> new DualityProperties.Migration().getMode());
	}

}
