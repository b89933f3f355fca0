package io.github.duality.autoconfigure.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.BeansException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * {@code duality.migration.mode=migrate-and-exit}: once the (lazy) context has started, creates the beans that
 * migrate (Liquibase's and Flyway's), which runs them over the JDBC path, and exits 0 before the application's
 * runners. A failure ends the start as any startup failure does, with its failure analysis, and exit status 1.
 */
class MigrateAndExitListener implements ApplicationListener<ApplicationStartedEvent> {

	private static final Log logger = LogFactory.getLog(MigrateAndExitListener.class);

	/** The beans whose initialization migrates, by class name: either tool may be absent. */
	private static final List<String> MIGRATING_BEAN_TYPES = List.of("liquibase.integration.spring.SpringLiquibase",
			"org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer");

	private final MigrationRuns runs;

	MigrateAndExitListener(MigrationRuns runs) {
		this.runs = runs;
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		long start = System.nanoTime();
		List<String> migrated = migrate(context);
		if (migrated.isEmpty()) {
			throw new MigrateAndExitException("duality.migration.mode=migrate-and-exit, but nothing migrates: "
					+ "neither Liquibase nor Flyway is configured (on the classpath, and not disabled with "
					+ "spring.liquibase.enabled or spring.flyway.enabled)");
		}
		logger.info("Duality: migrations done in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
				+ " ms (" + this.runs.summary() + "); exiting, as duality.migration.mode=migrate-and-exit asks");
		System.exit(SpringApplication.exit(context));
	}

	private static List<String> migrate(ConfigurableApplicationContext context) {
		List<String> migrated = new ArrayList<>();
		ClassLoader classLoader = context.getClassLoader();
		for (String typeName : MIGRATING_BEAN_TYPES) {
			if (ClassUtils.isPresent(typeName, classLoader)) {
				try {
					migrated.addAll(context.getBeansOfType(ClassUtils.resolveClassName(typeName, classLoader))
						.keySet());
				}
				catch (BeansException ex) {
					throw new MigrateAndExitException("Migration failed (duality.migration.mode=migrate-and-exit)",
							ex);
				}
			}
		}
		return migrated;
	}

}
