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
 * The path whose connection failed and what it tried to reach, rebuilt from the environment as the
 * auto-configuration built it: the failed context's beans are gone by the time the failure is analysed.
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
		if (beanFactory instanceof BeanDefinitionRegistry registry && !registry.containsBeanDefinition(tool.derivedBean)) {
			return new AttemptedPath(tool.path, "what the application configured itself (not derived by Duality)",
					"none of Duality's: the application's own beans or Boot's own properties", null);
		}
		// a migration path with an endpoint of its own came from duality.migration.url
		String property = (tool != Tool.R2DBC && environment.containsProperty(MIGRATION_URL)) ? MIGRATION_URL
				: DATASOURCE_URL;
		return new AttemptedPath(tool.path, derivedTarget(tool, environment), property,
				PropertyOrigins.describe(environment, property));
	}

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
		String role = environment.getProperty(tool.userProperty);
		boolean ownRole = role != null && !role.equals(derived.migrationJdbc().user());
		return derived.migrationJdbc().describe() + TargetDescriptions.endpoint(derived.migration())
				+ (ownRole ? ", as " + tool.userProperty + " " + role : "");
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
