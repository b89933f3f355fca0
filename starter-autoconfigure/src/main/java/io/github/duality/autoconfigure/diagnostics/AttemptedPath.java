package io.github.duality.autoconfigure.diagnostics;

import io.github.duality.autoconfigure.DatasourceUrlDerivation;
import io.github.duality.autoconfigure.PropertyOrigins;
import io.github.duality.autoconfigure.TargetDescriptions;
import io.github.duality.core.DerivedConnection;
import io.github.duality.core.model.Secrets;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The path whose connection failed and what it tried to reach: the target a {@link DerivedTargetConnectionException}
 * in the failure carries, else the environment's, as the auto-configuration derived it. The failed context's beans
 * are gone by the time the failure is analysed.
 *
 * @param name e.g. {@code the migration path (Liquibase)}
 * @param target the URL, user and sslmode tried, without secrets
 * @param property the property the target came from
 * @param origin where that property's value came from, or {@code null}
 */
record AttemptedPath(String name, String target, String property, @Nullable String origin) {

	private static final String DATASOURCE_URL = "spring.datasource.url";

	private static final String MIGRATION_URL = "duality.migration.url";

	/** Whether the failure happened on the application path (R2DBC) rather than a migration path. */
	static boolean isApplicationPath(Throwable failure) {
		return Tool.of(failure) == Tool.R2DBC;
	}

	/** The path the failure happened on, from the packages of the exceptions in it. */
	static AttemptedPath of(Throwable failure, Environment environment, @Nullable BeanFactory beanFactory) {
		Tool tool = Tool.of(failure);
		String url = environment.getProperty(tool.prefix + ".url");
		if (url != null) {
			return new AttemptedPath(tool.path,
					Secrets.mask(url) + " (user " + environment.getProperty(tool.userProperty, "not set") + ")",
					tool.prefix + ".url", PropertyOrigins.describe(environment, tool.prefix + ".url"));
		}
		DerivedTargetConnectionException carried = CauseChain.find(failure, DerivedTargetConnectionException.class);
		if (carried == null && beanFactory instanceof BeanDefinitionRegistry registry
				&& !registry.containsBeanDefinition(tool.derivedBean)) {
			return new AttemptedPath(tool.path, "what the application configured itself (not derived by Duality)",
					"none of Duality's: the application's own beans or Boot's own properties", null);
		}
		// a migration path with an endpoint of its own came from duality.migration.url
		String property = (tool != Tool.R2DBC && environment.containsProperty(MIGRATION_URL)) ? MIGRATION_URL
				: DATASOURCE_URL;
		return new AttemptedPath(tool.path, (carried != null) ? carried.target() : derivedTarget(tool, environment),
				property, PropertyOrigins.describe(environment, property));
	}

	/**
	 * For a failure met outside Duality's code, which carries no target: the application path's (the application's
	 * own code opens its connections) or a tool's over a DataSource it was handed. Derived again from the same
	 * environment, as the auto-configuration derived it.
	 */
	private static String derivedTarget(Tool tool, Environment environment) {
		DerivedConnection derived;
		try {
			derived = DatasourceUrlDerivation.derive(environment, null);
		}
		catch (RuntimeException ex) {
			return "the target derived from " + DATASOURCE_URL;
		}
		if (tool == Tool.R2DBC) {
			return derived.r2dbc().describe();
		}
		return TargetDescriptions.migrationTarget(derived.migration(), tool.userProperty,
				environment.getProperty(tool.userProperty));
	}

	private enum Tool {

		LIQUIBASE("the migration path (Liquibase)", "spring.liquibase", "user", "dualityLiquibaseConnectionDetails",
				"liquibase."),

		FLYWAY("the migration path (Flyway)", "spring.flyway", "user", "dualityFlywayConnectionDetails",
				"org.flywaydb."),

		R2DBC("the application path (R2DBC)", "spring.r2dbc", "username", "dualityR2dbcConnectionDetails",
				"io.r2dbc.");

		private final String path;

		private final String prefix;

		private final String userProperty;

		private final String derivedBean;

		private final String exceptionPackage;

		Tool(String path, String prefix, String user, String derivedBean, String exceptionPackage) {
			this.path = path;
			this.prefix = prefix;
			this.userProperty = prefix + "." + user;
			this.derivedBean = derivedBean;
			this.exceptionPackage = exceptionPackage;
		}

		/** The first tool whose exceptions are in the chain; a bare pgjdbc failure is a migration tool's. */
		static Tool of(Throwable failure) {
			for (Throwable cause : CauseChain.of(failure)) {
				for (Tool tool : values()) {
					if (cause.getClass().getName().startsWith(tool.exceptionPackage)) {
						return tool;
					}
				}
			}
			return ClassUtils.isPresent("liquibase.integration.spring.SpringLiquibase", Tool.class.getClassLoader())
					? LIQUIBASE : FLYWAY;
		}

	}

}
