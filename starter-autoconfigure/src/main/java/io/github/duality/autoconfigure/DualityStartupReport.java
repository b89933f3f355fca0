package io.github.duality.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.github.duality.core.DerivedConnection;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Logs one INFO line saying where each path goes: derived by Duality (with secrets masked) or configured explicitly
 * by the user, and by what. It comes before the first connection, so that a start that fails shows what it tried:
 * just before the first migration tool's bean is initialized (and before any startup wait), else once all
 * singletons exist. Each migration tool on the classpath describes its own part ({@link MigrationPathReport}).
 */
class DualityStartupReport implements BeanPostProcessor, Ordered, SmartInitializingSingleton {

	/** The beans that connect when initialized, by class name: either tool may be absent. */
	private static final List<String> MIGRATING_TYPE_NAMES = List.of("liquibase.integration.spring.SpringLiquibase",
			"org.flywaydb.core.Flyway");

	private static final Log logger = LogFactory.getLog(DualityStartupReport.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final Environment environment;

	private final List<Class<?>> migratingTypes;

	private final AtomicBoolean logged = new AtomicBoolean();

	DualityStartupReport(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		this.migratingTypes = MIGRATING_TYPE_NAMES.stream()
			.filter((name) -> ClassUtils.isPresent(name, classLoader))
			.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.toList();
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (this.migratingTypes.stream().anyMatch((type) -> type.isInstance(bean))) {
			logOnce();
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		logOnce();
	}

	/** Before the startup waits and every other post-processor that may connect. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private void logOnce() {
		if (logger.isInfoEnabled() && this.logged.compareAndSet(false, true)) {
			logger.info("Duality: application path -> " + applicationPath() + "; migration path -> " + migrationPath());
		}
	}

	String applicationPath() {
		if (this.beanFactory.getBeanProvider(R2dbcConnectionDetails.class)
			.getIfUnique() instanceof DerivedConnectionDetails) {
			DerivedConnection derived = this.beanFactory.getBean(DerivedConnection.class);
			return derived.r2dbc().describe() + TargetDescriptions.pooler(derived) + ", "
					+ poolSize();
		}
		return ExplicitConfiguration.describe(this.beanFactory, this.environment, "spring.r2dbc.url",
				R2dbcConnectionDetails.class, ConnectionFactory.class);
	}

	String migrationPath() {
		String tools = this.beanFactory.getBeanProvider(MigrationPathReport.class)
			.orderedStream()
			.map(MigrationPathReport::describe)
			.collect(Collectors.joining(", and "));
		return tools.isEmpty() ? noMigrationTool() : tools;
	}

	/** A context may hold a tool's classes without its auto-configuration (hand-picked imports in a test). */
	private String noMigrationTool() {
		if (this.migratingTypes.isEmpty()) {
			return "none (neither Liquibase nor Flyway is on the classpath)";
		}
		String present = this.migratingTypes.stream()
			.map((type) -> type.getName().startsWith("liquibase.") ? "Liquibase" : "Flyway")
			.collect(Collectors.joining(" and "));
		return "none (" + present + " on the classpath, but Duality's auto-configuration for it is not in this "
				+ "context: import it with Boot's)";
	}

	/** From the properties, as Boot builds the pool: the pool itself may not exist yet. */
	private String poolSize() {
		boolean pooled = ClassUtils.isPresent("io.r2dbc.pool.ConnectionPool", getClass().getClassLoader())
				&& this.environment.getProperty("spring.r2dbc.pool.enabled", "true").equals("true");
		return pooled ? "pool max " + this.environment.getProperty("spring.r2dbc.pool.max-size", "10") : "not pooled";
	}

}
